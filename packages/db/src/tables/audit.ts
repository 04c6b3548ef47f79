import type { ColumnType, Generated, Selectable } from 'kysely';

/** JSON read back as a value; written as JSON text (the same on pg and PGlite). */
export type JsonColumn = ColumnType<unknown, string | null, never>;

export interface AuditEventTable {
  id: Generated<bigint>;
  occurredAt: Generated<Date>;
  actorUserId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  before: JsonColumn;
  after: JsonColumn;
  requestId: string | null;
}

export type AuditEvent = Selectable<AuditEventTable>;
