/**
 * Acknowledged writes: follow-up reports posted through the JSON API (an API token of an admin), each
 * with a unique comment, one writer per activity posting one report after another. A write counts as
 * acknowledged only when it was answered 201; afterwards every acknowledged one must be in the audit
 * trail, and each activity's current report must be its writer's last acknowledged report (or a later
 * one whose answer was lost).
 */
import type { Client } from './http-client.js';

export interface WriteTarget {
  planId: number;
  activityId: number;
  roundId: number;
}

export interface WriteLog {
  label: string;
  sent: number;
  /** Keys (the comments' first word) of the reports answered 201, per target, in order. */
  acknowledged: string[][];
  /** Keys of the reports sent whose answer was not 201 (or never came), per target. */
  unacknowledged: string[][];
  /** Answers that were not 201: status, or the connection error. */
  failures: Record<string, number>;
  latenciesMs: number[];
}

interface PlanListJson {
  plans: { id: number; state: string }[];
}
interface PlanJson {
  id: number;
  activities: { id: number }[];
  rounds: { id: number }[];
}

/** Activities of adopted plans with the last follow-up round of their year, read through the API. */
export async function writeTargets(client: Client, count: number): Promise<WriteTarget[]> {
  const list = JSON.parse((await client.get('/api/v1/plans')).body) as PlanListJson;
  const targets: WriteTarget[] = [];
  for (const plan of list.plans.filter((p) => p.state === 'adopted')) {
    const full = JSON.parse((await client.get(`/api/v1/plans/${plan.id}`)).body) as PlanJson;
    // The last round of the year: its report is what the plan shows as the latest.
    const round = full.rounds.at(-1);
    if (!round) continue;
    for (const activity of full.activities)
      targets.push({ planId: plan.id, activityId: activity.id, roundId: round.id });
    if (targets.length >= count) break;
  }
  if (targets.length < count) throw new Error(`Only ${targets.length} reportable activities; ${count} needed.`);
  return targets.slice(0, count);
}

export const reportPath = (t: WriteTarget) => `/api/v1/plans/${t.planId}/activities/${t.activityId}/reports`;

export const reportBody = (t: WriteTarget, comment: string, progress = 50) => ({
  roundId: t.roundId,
  status: 'yellow',
  progress,
  comment,
});

/** Posts one report after another to each target until `keepGoing` returns false. */
export async function writeWhile(
  client: Client,
  token: string,
  targets: WriteTarget[],
  label: string,
  keepGoing: (log: WriteLog) => boolean,
  options: { pauseMs?: number; commentPadding?: number } = {},
): Promise<WriteLog> {
  const log: WriteLog = {
    label,
    sent: 0,
    acknowledged: targets.map(() => []),
    unacknowledged: targets.map(() => []),
    failures: {},
    latenciesMs: [],
  };
  // Longer comments make bigger writes (the full-disk scenario); the key is the comment's first word.
  const padding = options.commentPadding ? ` ${'x'.repeat(options.commentPadding)}` : '';
  await Promise.all(
    targets.map(async (target, w) => {
      for (let seq = 1; keepGoing(log); seq++) {
        const key = `${label}-${w}-${seq}`;
        const comment = `${key}${padding}`;
        log.sent += 1;
        try {
          const answer = await client.postJson(reportPath(target), reportBody(target, comment, seq % 101), {
            authorization: `Bearer ${token}`,
          });
          if (answer.status === 201) {
            log.acknowledged[w]!.push(key);
            log.latenciesMs.push(answer.ms);
          } else {
            log.unacknowledged[w]!.push(key);
            log.failures[String(answer.status)] = (log.failures[String(answer.status)] ?? 0) + 1;
          }
        } catch (error) {
          log.unacknowledged[w]!.push(key);
          const reason = error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : 'error';
          log.failures[reason] = (log.failures[reason] ?? 0) + 1;
        }
        if (options.pauseMs) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
      }
    }),
  );
  return log;
}

export const acknowledgedCount = (log: WriteLog): number => log.acknowledged.reduce((n, list) => n + list.length, 0);

/** What the database holds for the writes: the comments in the audit trail, and each target's current report. */
export interface StoredWrites {
  /** The keys (first words) of the reports' comments in the audit trail. */
  auditedKeys: Set<string>;
  /** The key of an activity's current report in a round. */
  currentKey: (activityId: number, roundId: number) => string | undefined;
}

export interface WriteCheck {
  acknowledged: number;
  missingFromAudit: string[];
  /** Targets whose current report is neither the last acknowledged nor a later unacknowledged one. */
  wrongCurrent: string[];
  /** Writes whose answer was lost or refused but which were stored all the same (not an error: unknown outcome). */
  unacknowledgedStored: number;
}

/** Every acknowledged write in the audit trail, and the current reports as the writers left them. */
export function checkWrites(log: WriteLog, targets: WriteTarget[], stored: StoredWrites): WriteCheck {
  const missingFromAudit: string[] = [];
  const wrongCurrent: string[] = [];
  targets.forEach((target, w) => {
    const acked = log.acknowledged[w]!;
    for (const key of acked) if (!stored.auditedKeys.has(key)) missingFromAudit.push(key);
    const last = acked.at(-1);
    if (last === undefined) return;
    const seqOf = (key: string) => Number(key.split('-').at(-1));
    const current = stored.currentKey(target.activityId, target.roundId);
    const acceptable =
      current === last ||
      (current !== undefined &&
        current.startsWith(`${log.label}-${w}-`) &&
        seqOf(current) > seqOf(last) &&
        log.unacknowledged[w]!.includes(current));
    if (!acceptable)
      wrongCurrent.push(`activity ${target.activityId}: current "${current}", last acknowledged "${last}"`);
  });
  const unacknowledgedStored = log.unacknowledged.flat().filter((key) => stored.auditedKeys.has(key)).length;
  return { acknowledged: acknowledgedCount(log), missingFromAudit, wrongCurrent, unacknowledgedStored };
}

/** Reads the audit trail's report events and the current reports with `query` (PostgreSQL or SQLite). */
export async function storedWrites(
  label: string,
  query: (sql: string) => Promise<Record<string, unknown>[]>,
): Promise<StoredWrites> {
  // The label is the suite's own (letters, digits and dashes): no user input in this SQL.
  if (!/^[a-z0-9-]+$/.test(label)) throw new Error(`Bad label ${label}`);
  const audited = await query(
    `select after_json from audit_events where action = 'activity_report.saved' and after_json like '%${label}-%'`,
  );
  const firstWord = (text: string) => text.split(' ')[0]!;
  const auditedKeys = new Set<string>();
  for (const row of audited) {
    const after = JSON.parse(String(row.after_json)) as { comment?: string };
    if (typeof after.comment === 'string') auditedKeys.add(firstWord(after.comment));
  }
  const current = await query(`select activity_id, round_id, comment from activity_reports`);
  const byTarget = new Map(current.map((r) => [`${r.activity_id}/${r.round_id}`, firstWord(String(r.comment))]));
  return { auditedKeys, currentKey: (a, r) => byTarget.get(`${a}/${r}`) };
}
