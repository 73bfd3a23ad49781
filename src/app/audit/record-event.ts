import type { AuditAction, AuditEntityType, AuditRecord } from '../../domain/audit/audit-event.js';
import { actorColumns } from '../../domain/audit/audit-event.js';
import { changedFields, snapshotJson, type Snapshot } from '../../domain/audit/snapshots.js';
import { timestamp, type AppContext, type Repositories } from '../context.js';

export interface ChangeToRecord {
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: number | string;
  summary: string;
  /** The record before the change (null: it did not exist). */
  before: Snapshot | null;
  /** The record after the change (null: it no longer exists). */
  after: Snapshot | null;
}

/**
 * Appends the audit event for a change made in this transaction (`repos` must be the transaction's),
 * keeping only the fields that changed. Who and when come from the context. Call it last.
 */
export function recordEvent(ctx: AppContext, repos: Repositories, change: ChangeToRecord): Promise<AuditRecord> {
  const { before, after } = changedFields(change.before, change.after);
  return repos.audit.append({
    occurredAt: timestamp(ctx),
    ...actorColumns(ctx.actor),
    action: change.action,
    entityType: change.entityType,
    entityId: String(change.entityId),
    summary: change.summary,
    beforeJson: snapshotJson(before),
    afterJson: snapshotJson(after),
  });
}
