/**
 * The audit trail: who, when, which record, what action, before and after. Written inside the
 * same transaction as the change it records, so one never exists without the other.
 * The table refuses UPDATE, DELETE and TRUNCATE (a trigger), so history cannot be rewritten.
 */
import type { Tx } from './transaction';

export interface AuditEntry {
  actorUserId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
}

/** Fields never copied into the audit trail. */
const SECRET_FIELDS = new Set(['passwordHash', 'tokenHash']);

function toJson(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (key, v: unknown) => {
    if (SECRET_FIELDS.has(key)) return '[redacted]';
    return typeof v === 'bigint' ? v.toString() : v;
  });
}

export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx
    .insertInto('auditEvent')
    .values({
      actorUserId: entry.actorUserId,
      entityType: entry.entityType,
      entityId: entry.entityId,
      action: entry.action,
      before: toJson(entry.before),
      after: toJson(entry.after),
      requestId: entry.requestId ?? null,
    })
    .execute();
}
