import type { Actor } from '../auth/actor.js';

/** What happened, in the past tense. New areas add their own (e.g. `user.created`). */
export type AuditAction =
  | 'collaboration.created'
  | 'programme.created'
  | 'programme.updated'
  | 'programme.proposed'
  | 'decision.recorded'
  | 'user.created'
  | 'user.disabled'
  | 'user.password_changed'
  | 'api_token.created'
  | 'api_token.revoked'
  | 'indicator.defined'
  | 'indicator_values.imported'
  | 'kolada_catalogue.updated'
  | 'goal_indicator.linked'
  | 'goal_indicator.removed'
  | 'plan.created'
  | 'plan.updated'
  | 'plan.submitted'
  | 'plan_decision.recorded'
  | 'activity.added'
  | 'activity.updated'
  | 'activity.removed'
  | 'follow_up_round.created'
  | 'follow_up_round.updated'
  | 'follow_up_round.removed'
  | 'activity_report.saved'
  | 'reminders.sent'
  | 'memo.saved'
  | 'consultation.opened'
  | 'consultation.updated'
  | 'consultation_comment.submitted'
  | 'consultation_comment.confirmed'
  | 'consultation_comment.reported'
  | 'consultation_comment.hidden'
  | 'consultation_comment.restored'
  | 'consultation_comment.removed'
  | 'consultation_theme.created'
  | 'consultation_theme.updated'
  | 'consultation_answer.saved'
  | 'event.created'
  | 'event.updated'
  | 'event.agenda_saved'
  | 'event.documentation_changed'
  | 'job.run_requested'
  | 'decision_document.read'
  | 'decision_document.confirmed';

/** The kind of record an event is about; with `entityId` it names the record. */
export type AuditEntityType =
  | 'collaboration'
  | 'programme'
  | 'decision'
  | 'user'
  | 'api_token'
  | 'indicator'
  | 'indicator_import'
  | 'kolada_catalogue'
  | 'goal_indicator'
  | 'plan'
  | 'plan_decision'
  | 'activity'
  | 'follow_up_round'
  | 'activity_report'
  | 'memo'
  | 'consultation'
  | 'consultation_comment'
  | 'consultation_theme'
  | 'consultation_answer'
  | 'event'
  | 'job'
  | 'decision_document';

/**
 * One change as the audit trail keeps it: who, when, which record, a Swedish one-line summary, and
 * the record's fields before and after (JSON text exactly as stored, so the hash covers the bytes).
 */
export interface AuditEvent {
  /** ISO timestamp from the application clock. */
  occurredAt: string;
  actorKind: Actor['kind'];
  /** The account behind a user or API token; null for the system and anonymous visitors. */
  actorUserId: number | null;
  actorName: string;
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string;
  summary: string;
  /** Null when the record did not exist before (created). */
  beforeJson: string | null;
  /** Null when the record no longer exists after. */
  afterJson: string | null;
}

/** A stored event: its place in the chain and the hashes that link it to the one before. */
export interface AuditRecord extends AuditEvent {
  /** 1, 2, 3, …: the position in the chain, assigned on append. */
  id: number;
  prevHash: string;
  hash: string;
}

/** The who-columns of an event for an actor. */
export function actorColumns(actor: Actor): Pick<AuditEvent, 'actorKind' | 'actorUserId' | 'actorName'> {
  switch (actor.kind) {
    case 'user':
    case 'token':
      return { actorKind: actor.kind, actorUserId: actor.userId, actorName: actor.name };
    case 'system':
      return { actorKind: 'system', actorUserId: null, actorName: actor.name };
    case 'anonymous':
      return { actorKind: 'anonymous', actorUserId: null, actorName: '' };
  }
}

/**
 * The actor an event names, for `actorLabel`. The trail does not keep which API token acted
 * (only whose), and the label does not need it.
 */
export function actorOf(event: Pick<AuditEvent, 'actorKind' | 'actorUserId' | 'actorName'>): Actor {
  switch (event.actorKind) {
    case 'user':
      return { kind: 'user', userId: event.actorUserId ?? 0, name: event.actorName };
    case 'token':
      return { kind: 'token', userId: event.actorUserId ?? 0, tokenId: 0, name: event.actorName };
    case 'system':
      return { kind: 'system', name: event.actorName };
    case 'anonymous':
      return { kind: 'anonymous' };
  }
}
