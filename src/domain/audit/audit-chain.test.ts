import { describe, expect, it } from 'vitest';
import { canonicalJson, GENESIS_HASH, hashEvent, sealEvent, verifyChain } from './audit-chain.js';
import type { AuditEvent, AuditRecord } from './audit-event.js';

const event = (n: number, overrides: Partial<AuditEvent> = {}): AuditEvent => ({
  occurredAt: `2026-11-27T10:00:0${n % 10}.000Z`,
  actorKind: 'system',
  actorUserId: null,
  actorName: 'samverkan',
  action: 'programme.updated',
  entityType: 'programme',
  entityId: String(n),
  summary: `Ändring ${n}`,
  beforeJson: n === 1 ? null : `{"name":"före ${n}"}`,
  afterJson: `{"name":"efter ${n}"}`,
  ...overrides,
});

/** A valid chain of `n` records. */
function chain(n: number): AuditRecord[] {
  const records: AuditRecord[] = [];
  for (let i = 1; i <= n; i++) records.push(sealEvent(records.at(-1), event(i)));
  return records;
}

describe('canonical JSON', () => {
  it('sorts keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: null } })).toBe('{"a":{"c":null,"d":[3,1]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('leaves undefined members out and refuses undefined itself', () => {
    expect(canonicalJson({ a: undefined, b: 'x' })).toBe('{"b":"x"}');
    expect(() => canonicalJson(undefined)).toThrow();
  });
});

describe('the hash chain', () => {
  it('links each record to the one before, starting from the genesis hash', () => {
    const records = chain(3);
    expect(records.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(records[0]!.prevHash).toBe(GENESIS_HASH);
    expect(records[1]!.prevHash).toBe(records[0]!.hash);
    expect(records[2]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyChain(records)).toEqual({ ok: true, count: 3, headHash: records[2]!.hash });
  });

  it('accepts an empty chain', () => {
    expect(verifyChain([])).toEqual({ ok: true, count: 0, headHash: GENESIS_HASH });
  });

  const tamperings: [string, Partial<AuditRecord>][] = [
    ['occurredAt', { occurredAt: '2020-01-01T00:00:00.000Z' }],
    ['actorKind', { actorKind: 'anonymous' }],
    ['actorUserId', { actorUserId: 7 }],
    ['actorName (of the system)', { actorName: 'någon annan' }],
    ['action', { action: 'programme.proposed' }],
    ['entityType', { entityType: 'decision' }],
    ['entityId', { entityId: '99' }],
    ['summary', { summary: 'Ingenting hände.' }],
    ['beforeJson', { beforeJson: '{"name":"annat"}' }],
    ['beforeJson to null', { beforeJson: null }],
    ['afterJson', { afterJson: '{"name":"annat"}' }],
    ['prevHash', { prevHash: GENESIS_HASH }],
    ['hash', { hash: 'f'.repeat(64) }],
  ];

  it.each(tamperings)('detects a changed %s and names the row', (_field, change) => {
    const records = chain(5);
    records[2] = { ...records[2]!, ...change };
    expect(verifyChain(records)).toMatchObject({ ok: false, firstBrokenId: 3 });
  });

  it('detects a changed id, naming the row by the id it now has', () => {
    const records = chain(5);
    records[4] = { ...records[4]!, id: 9 };
    expect(verifyChain(records)).toMatchObject({ ok: false, firstBrokenId: 9, reason: expect.stringContaining('5–8') });
  });

  it('detects a row whose content and hash were both rewritten, at the next row', () => {
    const records = chain(5);
    const forged = { ...records[2]!, summary: 'Förfalskad' };
    records[2] = { ...forged, hash: hashEvent(forged.prevHash, forged) };
    expect(verifyChain(records)).toMatchObject({ ok: false, firstBrokenId: 4 });
  });

  it('detects a deleted row and says which one is missing', () => {
    const records = chain(5);
    records.splice(1, 1);
    const verdict = verifyChain(records);
    expect(verdict).toMatchObject({ ok: false, firstBrokenId: 3 });
    if (!verdict.ok) expect(verdict.reason).toContain('Händelse 2 saknas');
  });

  it('detects a deleted row even when the later ids were renumbered to close the gap', () => {
    const records = chain(5);
    records.splice(1, 1);
    const renumbered = records.map((r, i) => ({ ...r, id: i + 1 }));
    expect(verifyChain(renumbered)).toMatchObject({ ok: false, firstBrokenId: 2 });
  });

  it('detects reordered rows, both as read out of order and with their ids swapped', () => {
    const records = chain(5);
    const outOfOrder = [records[0]!, records[2]!, records[1]!, records[3]!, records[4]!];
    expect(verifyChain(outOfOrder)).toMatchObject({ ok: false, firstBrokenId: 3 });
    const swapped = [records[0]!, { ...records[2]!, id: 2 }, { ...records[1]!, id: 3 }, records[3]!, records[4]!];
    expect(verifyChain(swapped)).toMatchObject({ ok: false, firstBrokenId: 2 });
  });

  it('reports only the first break', () => {
    const records = chain(6);
    records[1] = { ...records[1]!, summary: 'x' };
    records[4] = { ...records[4]!, summary: 'y' };
    expect(verifyChain(records)).toMatchObject({ ok: false, firstBrokenId: 2 });
  });

  it('lets a person be pseudonymised: their display name is outside the hash, their account id is not', () => {
    const records: AuditRecord[] = [];
    for (let i = 1; i <= 3; i++) {
      records.push(
        sealEvent(records.at(-1), event(i, { actorKind: 'user', actorUserId: 42, actorName: 'Anna Svensson' })),
      );
    }
    const renamed = records.map((r) => ({ ...r, actorName: 'Användare 42' }));
    expect(verifyChain(renamed).ok).toBe(true);
    const reassigned = records.map((r, i) => (i === 1 ? { ...r, actorUserId: 43 } : r));
    expect(verifyChain(reassigned)).toMatchObject({ ok: false, firstBrokenId: 2 });
  });
});
