import { programmeChangeSummary, programmeProposedSummary } from '../../domain/audit/audit-summary-sv.js';
import { programmeSnapshot } from '../../domain/audit/snapshots.js';
import { DomainError } from '../../domain/errors.js';
import type { Programme } from '../../domain/programme/programme.js';
import { recordEvent } from '../audit/record-event.js';
import { inTransaction, timestamp, type AppContext, type Repositories } from '../context.js';
import { loadProgramme } from './get-programme.js';
import { authorize } from '../auth/authorize.js';

export const conflict = (): DomainError =>
  new DomainError(
    'conflict',
    'Programmet har ändrats av någon annan sedan du öppnade sidan. Dina ändringar har inte sparats. Jämför med de senaste uppgifterna och försök igen.',
  );

export const notADraft = (): DomainError =>
  new DomainError(
    'not_a_draft',
    'Programmet är inte ett utkast och kan inte ändras. Skapa ett nytt utkast utifrån det i stället.',
  );

/**
 * Every change to a draft goes through here: one transaction, the programme must still be a
 * draft, and still at the version the editor saw — otherwise nothing changes (no lost updates).
 * The change is recorded in the audit trail in the same transaction, as one event with the
 * programme's changed fields before and after.
 */
export async function editDraft<T>(
  ctx: AppContext,
  ref: string,
  expectedVersion: number,
  change: (programme: Programme, repos: Repositories) => Promise<T>,
  action: 'programme.updated' | 'programme.proposed' = 'programme.updated',
): Promise<T> {
  authorize(ctx, 'edit_programme');
  return inTransaction(ctx, async (repos) => {
    const programme = await loadProgramme(repos, ref);
    if (programme.state !== 'draft') throw notADraft();
    if (!(await repos.programmes.touch(programme.id, expectedVersion, timestamp(ctx)))) throw conflict();
    const result = await change(programme, repos);
    const before = programmeSnapshot(programme);
    const after = programmeSnapshot((await repos.programmes.get(programme.id))!);
    await recordEvent(ctx, repos, {
      action,
      entityType: 'programme',
      entityId: programme.id,
      summary:
        action === 'programme.proposed'
          ? programmeProposedSummary(programme.name)
          : programmeChangeSummary(before, after),
      before,
      after,
    });
    return result;
  });
}
