import type { Member } from '../../domain/adoption/decision.js';
import type { DecisionDocument, DecisionDocumentSummary } from '../../domain/decision-documents/decision-document.js';
import type { ProgrammeSummary } from '../../domain/programme/programme.js';
import { membersAndProgrammes } from '../collaboration.js';
import { notFound, unauthenticated } from '../../domain/errors.js';
import { allows } from '../../domain/auth/policies.js';
import { recordEvent } from '../audit/record-event.js';
import { authorizeSomewhere } from '../auth/authorize.js';
import { inTransaction, readRepos, timestamp, type AppContext } from '../context.js';
import { readDecisionDocument, type DocumentReading, type DocumentSource } from './read-decision-document.js';

/** Who reads documents to record decisions: a member's officers (for their own member) and the secretariat. */
const POLICY = 'record_member_decision' as const;

const userIdOf = (ctx: AppContext): number => {
  if (ctx.actor.kind !== 'user' && ctx.actor.kind !== 'token') throw unauthenticated();
  return ctx.actor.userId;
};

/**
 * Reads a document and keeps it, with what was read, for its reader to review and confirm. A file
 * that cannot be read is refused before anything is kept.
 */
export async function readAndKeepDecisionDocument(
  ctx: AppContext,
  source: DocumentSource,
): Promise<{ document: DecisionDocument; reading: DocumentReading }> {
  authorizeSomewhere(ctx, [POLICY]);
  const readBy = userIdOf(ctx);
  const reading = await readDecisionDocument(ctx, source);
  const document = await inTransaction(ctx, async (repos) => {
    const kept = await repos.decisionDocuments.insert({
      ...reading.file,
      readText: reading.readText,
      repairedText: reading.text,
      repairs: reading.repairs,
      extraction: reading.extraction,
      readBy,
      readAt: timestamp(ctx),
      // The file as received; pasted text as the UTF-8 it was posted as.
      content: 'text' in source ? new TextEncoder().encode(source.text) : source.bytes,
    });
    await recordEvent(ctx, repos, {
      action: 'decision_document.read',
      entityType: 'decision_document',
      entityId: kept.id,
      summary: `Läste in ”${kept.fileName}” (${kept.pages} sid., SHA-256 ${kept.sha256.slice(0, 12)}…) för att registrera ett beslut.`,
      before: null,
      after: { fileName: kept.fileName, sha256: kept.sha256, sizeBytes: kept.sizeBytes, pages: kept.pages },
    });
    return kept;
  });
  return { document, reading };
}

/** A kept document, for those `mayOpen` lets open it (no one else learns that it exists). */
export async function getDecisionDocument(ctx: AppContext, id: number): Promise<DecisionDocument> {
  authorizeSomewhere(ctx, [POLICY, 'read_internal']);
  const document = await readRepos(ctx).decisionDocuments.byId(id);
  if (!document || !mayOpen(ctx, document)) throw notFound('Dokumentet');
  return document;
}

/** The documents its reader has read (the secretariat: everyone's), newest first. */
export async function listDecisionDocuments(ctx: AppContext): Promise<DecisionDocumentSummary[]> {
  authorizeSomewhere(ctx, [POLICY]);
  return readRepos(ctx).decisionDocuments.list(allows(ctx.principal, POLICY) ? null : userIdOf(ctx));
}

/** The file as it was received. */
export async function decisionDocumentFile(
  ctx: AppContext,
  id: number,
): Promise<{ document: DecisionDocument; content: Uint8Array }> {
  const document = await getDecisionDocument(ctx, id);
  const content = await readRepos(ctx).decisionDocuments.content(id);
  if (!content) throw notFound('Dokumentet');
  return { document, content };
}

/**
 * The secretariat opens every document; anyone else the ones they read themselves, and once a document
 * is a recorded decision's source, everyone who reads the cooperation's internal records.
 */
export function mayOpen(ctx: AppContext, document: DecisionDocument): boolean {
  if (allows(ctx.principal, POLICY)) return true;
  if (document.decisionId !== null && allows(ctx.principal, 'read_internal')) return true;
  return (ctx.actor.kind === 'user' || ctx.actor.kind === 'token') && ctx.actor.userId === document.readBy;
}

/** What the review page of a kept document shows beside it. */
export interface DecisionDocumentReview {
  document: DecisionDocument;
  /** The programmes a decision may concern (not drafts). */
  programmes: ProgrammeSummary[];
  /** The members whose boards' decisions the person may record, and whether the committee's too. */
  members: Member[];
  committee: boolean;
  /** The programme of the decision the document became, once confirmed. */
  confirmedIn: ProgrammeSummary | undefined;
}

export async function getDecisionDocumentReview(ctx: AppContext, id: number): Promise<DecisionDocumentReview> {
  const document = await getDecisionDocument(ctx, id);
  const [{ members, programmes }, decision] = await Promise.all([
    membersAndProgrammes(ctx),
    document.decisionId === null ? undefined : readRepos(ctx).decisions.byId(document.decisionId),
  ]);
  return {
    document,
    programmes,
    members: members.filter((m) => allows(ctx.principal, POLICY, { memberId: m.id })),
    committee: allows(ctx.principal, 'record_committee_decision'),
    confirmedIn: decision && programmes.find((p) => p.id === decision.programmeId),
  };
}
