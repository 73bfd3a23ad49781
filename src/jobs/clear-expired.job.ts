/**
 * The hourly clearing of what has expired and that nothing reads any more: sessions past their end or
 * idle limit, sign-in links used or past their end, failed sign-ins and flood-limit attempts older than
 * any window, OpenID Connect sign-ins never answered, the public's comments never confirmed (their link
 * has expired, so they can never be published), and the jobs' own finished runs older than 90 days.
 */
import { recordEvent } from '../app/audit/record-event.js';
import { SESSION_IDLE_MS } from '../app/auth/sessions.js';
import { THROTTLE_WINDOW_MS } from '../app/auth/sign-in.js';
import { CONFIRMATION_VALID_DAYS } from '../app/consultation/comments.js';
import { FLOOD_WINDOW_MS } from '../app/consultation/flood-limits.js';
import { inTransaction, type AppContext } from '../app/context.js';
import { formatNumber } from '../domain/format-sv.js';
import type { JobResult } from './job.js';

/** How long a finished run of a job stays in the list. */
export const JOB_RUNS_KEPT_DAYS = 90;

export interface ClearedCounts {
  sessions: number;
  signInLinks: number;
  signInFailures: number;
  oidcFlows: number;
  floodAttempts: number;
  unconfirmedComments: number;
  jobRuns: number;
}

const before = (now: Date, ms: number) => new Date(now.getTime() - ms).toISOString();

/** Removes what has expired, in one transaction, with an audit event per comment removed. */
export async function clearExpired(ctx: AppContext): Promise<ClearedCounts> {
  const now = ctx.now();
  const at = now.toISOString();
  return inTransaction(ctx, async (tx) => {
    const counts: Omit<ClearedCounts, 'unconfirmedComments'> = {
      sessions: await tx.sessions.removeExpired(at, before(now, SESSION_IDLE_MS)),
      signInLinks: await tx.sessions.removeSpentLinks(at),
      signInFailures: await tx.sessions.removeFailuresBefore(before(now, THROTTLE_WINDOW_MS)),
      oidcFlows: await tx.oidc.removeExpiredFlows(at),
      floodAttempts: await tx.consultations.pruneAttempts(before(now, FLOOD_WINDOW_MS)),
      jobRuns: await tx.jobRuns.removeFinishedBefore(before(now, JOB_RUNS_KEPT_DAYS * 86_400_000)),
    };
    const comments = await tx.consultations.removeUnconfirmedExpired(at);
    // Appended last: on PostgreSQL the audit chain's lock is then held only until commit.
    for (const comment of comments) {
      await recordEvent(ctx, tx, {
        action: 'consultation_comment.removed',
        entityType: 'consultation_comment',
        entityId: comment.id,
        summary: `En kommentar som aldrig bekräftades togs bort: bekräftelselänken gick ut efter ${CONFIRMATION_VALID_DAYS} dagar.`,
        before: { consultationId: comment.consultationId, status: 'unconfirmed' },
        after: null,
      });
    }
    return { ...counts, unconfirmedComments: comments.length };
  });
}

const LABELS: Record<keyof ClearedCounts, [string, string]> = {
  sessions: ['inloggning', 'inloggningar'],
  signInLinks: ['inloggningslänk', 'inloggningslänkar'],
  signInFailures: ['misslyckad inloggning', 'misslyckade inloggningar'],
  oidcFlows: ['avbruten inloggning via OpenID Connect', 'avbrutna inloggningar via OpenID Connect'],
  floodAttempts: ['försök räknat mot översvämning', 'försök räknade mot översvämning'],
  unconfirmedComments: ['obekräftad kommentar', 'obekräftade kommentarer'],
  jobRuns: ['gammal körning av jobben', 'gamla körningar av jobben'],
};

/** "Borttaget: 3 inloggningar, 1 inloggningslänk." */
export function clearedInWords(counts: ClearedCounts): string {
  const parts = (Object.keys(LABELS) as (keyof ClearedCounts)[])
    .filter((key) => counts[key] > 0)
    .map((key) => `${formatNumber(counts[key])} ${LABELS[key][counts[key] === 1 ? 0 : 1]}`);
  return parts.length === 0 ? 'Inget hade gått ut.' : `Borttaget: ${parts.join(', ')}.`;
}

export async function clearExpiredJob(ctx: AppContext): Promise<JobResult> {
  return { outcome: 'ok', message: clearedInWords(await clearExpired(ctx)) };
}
