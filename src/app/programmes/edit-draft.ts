import { DomainError } from '../../domain/errors.js';
import type { Programme } from '../../domain/programme/programme.js';
import { inTransaction, timestamp, type AppContext, type Repositories } from '../context.js';
import { loadProgramme } from './get-programme.js';

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
 */
export async function editDraft<T>(
  ctx: AppContext,
  ref: string,
  expectedVersion: number,
  change: (programme: Programme, repos: Repositories) => Promise<T>,
): Promise<T> {
  return inTransaction(ctx, async (repos) => {
    const programme = await loadProgramme(repos, ref);
    if (programme.state !== 'draft') throw notADraft();
    if (!(await repos.programmes.touch(programme.id, expectedVersion, timestamp(ctx)))) throw conflict();
    return change(programme, repos);
  });
}
