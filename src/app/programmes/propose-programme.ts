import { assertProposable } from '../../domain/programme/proposal-rules.js';
import type { AppContext } from '../context.js';
import { editDraft } from './edit-draft.js';

/**
 * Puts a draft forward for adoption. Refused — naming the goals — while any goal lacks its
 * statement for a cross-cutting perspective; after this the text is fixed and decisions can be recorded.
 */
export async function proposeProgramme(ctx: AppContext, ref: string, version: number): Promise<void> {
  await editDraft(
    ctx,
    ref,
    version,
    async (programme, repos) => {
      assertProposable(programme);
      await repos.programmes.setState(programme.id, 'proposed');
    },
    'programme.proposed',
  );
}
