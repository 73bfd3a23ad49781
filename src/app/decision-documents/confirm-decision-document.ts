import { z } from 'zod';
import type { Snapshot } from '../../domain/audit/snapshots.js';
import type { DecisionFields } from '../../domain/decision-documents/document-reading.js';
import type { Decision } from '../../domain/adoption/decision.js';
import { DomainError, notFound, validationFailed } from '../../domain/errors.js';
import { recordEvent } from '../audit/record-event.js';
import { inTransaction, timestamp, type AppContext } from '../context.js';
import { parseInput } from '../input.js';
import { decisionInput } from '../adoption/decision-input.js';
import { recordDecisionIn } from '../adoption/record-decision.js';
import { mayOpen } from './keep-decision-document.js';

/** The decision as the person confirms it: the decision form's fields, the programme, and the document's kind. */
const confirmInput = decisionInput.extend({
  programme: z
    .string({ error: 'Välj programmet beslutet gäller.' })
    .min(1, { error: 'Välj programmet beslutet gäller.' }),
  kind: z.enum(['minutes', 'memo'], { error: 'Ange om dokumentet är ett protokoll eller en tjänsteskrivelse.' }),
});

/**
 * Records the decision a kept document shows, as the person has checked and corrected it, with the
 * document as its source; one transaction: the decision, the document's link to it, and the audit
 * events of both. Only minutes record a decision: a memo proposes one.
 */
export async function confirmDecisionDocument(ctx: AppContext, documentId: number, raw: unknown): Promise<Decision> {
  const { programme, kind, ...input } = parseInput(confirmInput, raw);
  if (kind === 'memo') {
    throw validationFailed([
      {
        field: 'kind',
        message:
          'En tjänsteskrivelse föreslår ett beslut men registrerar inget. Läs in protokollet eller protokollsutdraget från sammanträdet.',
      },
    ]);
  }
  return inTransaction(ctx, async (repos) => {
    const document = await repos.decisionDocuments.byId(documentId);
    if (!document || !mayOpen(ctx, document)) throw notFound('Dokumentet');
    if (document.decisionId !== null) {
      throw new DomainError('conflict', 'Dokumentet är redan bekräftat som källa till ett registrerat beslut.');
    }
    const source = input.source || `${document.fileName} (SHA-256 ${document.sha256})`;
    const decision = await recordDecisionIn(ctx, repos, programme, { ...input, source });
    const userId = ctx.actor.kind === 'user' || ctx.actor.kind === 'token' ? ctx.actor.userId : null;
    if (userId === null || !(await repos.decisionDocuments.confirm(document.id, decision.id, userId, timestamp(ctx)))) {
      throw new DomainError('conflict', 'Dokumentet är redan bekräftat som källa till ett registrerat beslut.');
    }
    await recordEvent(ctx, repos, {
      action: 'decision_document.confirmed',
      entityType: 'decision_document',
      entityId: document.id,
      summary: `Bekräftade beslutet i ”${document.fileName}” (SHA-256 ${document.sha256.slice(0, 12)}…) som källa till beslut ${decision.id}.`,
      before: { decisionId: null },
      after: confirmedSnapshot(document.extraction.fields, decision),
    });
    return decision;
  });
}

/** What was read beside what the person confirmed (flat, as the audit trail keeps records). */
function confirmedSnapshot(read: DecisionFields, d: Decision): Snapshot {
  return {
    decisionId: d.id,
    'read.date': read.date,
    'read.paragraph': read.paragraph,
    'read.outcome': read.outcome,
    'read.memberCode': read.member?.code ?? null,
    'confirmed.date': d.decided.precision === 'unknown' ? null : d.decided.date,
    'confirmed.paragraph': d.paragraph,
    'confirmed.outcome': d.outcome,
    'confirmed.memberId': d.memberId,
  };
}
