/**
 * The audit trail as a hash chain. Each event's hash covers its own content and the previous
 * event's hash, so changing, deleting or reordering any stored row breaks every hash after it.
 *
 * Why a chain as well as the database's append-only trigger: whoever administers the database can
 * drop the trigger. The chain makes such an edit visible to `samverkan audit verify`. It cannot stop
 * someone who rewrites every hash from the edited row to the end, nor see rows cut off at the end:
 * against those, keep the head hash that `verify` prints somewhere else (a backup, a minute book)
 * and compare later.
 *
 * node:crypto is computation, not I/O, so it belongs here in the pure domain.
 */
import { createHash } from 'node:crypto';
import type { AuditEvent, AuditRecord } from './audit-event.js';

/** The `prevHash` of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with object keys sorted at every level, so the same value always gives the same text
 * (and hash) whatever order its keys were built in. `undefined` object members are left out.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) throw new TypeError('canonicalJson: undefined har ingen JSON-form');
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const members = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`);
  return `{${members.join(',')}}`;
}

/**
 * What the hash covers: every column except the hashes themselves and a person's display name.
 * A user is identified by account id, which is covered; their name is left out so that an account
 * can be pseudonymised (GDPR) by rewriting the name without breaking the chain. The system's name
 * is covered: it is the identity of a non-person actor.
 */
function hashedContent(event: AuditEvent & { id: number }) {
  const personal = event.actorKind === 'user' || event.actorKind === 'token';
  return {
    id: event.id,
    occurredAt: event.occurredAt,
    actor: { kind: event.actorKind, userId: event.actorUserId, name: personal ? null : event.actorName },
    action: event.action,
    entity: { type: event.entityType, id: event.entityId },
    summary: event.summary,
    before: event.beforeJson,
    after: event.afterJson,
  };
}

/** sha256 (hex) over the previous hash and the event's canonical JSON. */
export function hashEvent(prevHash: string, event: AuditEvent & { id: number }): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(canonicalJson(hashedContent(event)))
    .digest('hex');
}

/** The next link: `event` placed after `last` (or first in the chain when there is no `last`). */
export function sealEvent(last: Pick<AuditRecord, 'id' | 'hash'> | undefined, event: AuditEvent): AuditRecord {
  const id = (last?.id ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  return { ...event, id, prevHash, hash: hashEvent(prevHash, { ...event, id }) };
}

export type ChainVerdict =
  | { ok: true; count: number; /** The newest event's hash: keep it elsewhere to anchor the chain. */ headHash: string }
  | { ok: false; firstBrokenId: number; reason: string };

/**
 * Checks a chain one record at a time, in id order, so a caller can stream any number of rows
 * through it without holding them all.
 */
export function chainVerifier() {
  let count = 0;
  let lastId = 0;
  let expectedPrev = GENESIS_HASH;
  let broken: Extract<ChainVerdict, { ok: false }> | undefined;

  /** Why the chain breaks at `r`, or undefined when `r` follows correctly. */
  function check(r: AuditRecord): string | undefined {
    if (r.id <= lastId) return `Händelserna ligger inte i ordning: ${r.id} kommer efter ${lastId}.`;
    if (r.id !== lastId + 1) {
      const missing = r.id - 1 === lastId + 1 ? `${lastId + 1}` : `${lastId + 1}–${r.id - 1}`;
      return `Händelse ${missing} saknas: rader har tagits bort ur loggen.`;
    }
    if (r.prevHash !== expectedPrev) {
      return 'Raden bygger inte på föregående händelses hash: en tidigare rad har ändrats och fått ny hash, eller rader har bytt plats.';
    }
    if (hashEvent(r.prevHash, r) !== r.hash) {
      return 'Händelsens innehåll stämmer inte med dess hash: raden har ändrats efter att den skrevs.';
    }
    return undefined;
  }

  return {
    /** Feeds the next record; returns false once the chain is broken (later records are not checked). */
    push(record: AuditRecord): boolean {
      if (broken) return false;
      const reason = check(record);
      if (reason) {
        broken = { ok: false, firstBrokenId: record.id, reason };
        return false;
      }
      count++;
      lastId = record.id;
      expectedPrev = record.hash;
      return true;
    },
    verdict(): ChainVerdict {
      return broken ?? { ok: true, count, headHash: expectedPrev };
    },
  };
}

/** Verifies a whole chain given in id order. */
export function verifyChain(records: Iterable<AuditRecord>): ChainVerdict {
  const verifier = chainVerifier();
  for (const record of records) if (!verifier.push(record)) break;
  return verifier.verdict();
}
