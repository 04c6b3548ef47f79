import type { DelegationPosition } from '@tp/domain';
import type { Generated } from 'kysely';

export interface ProgramPillarTable {
  programId: string;
  pillarId: string;
}

export interface ProgramApprovalLimitTable {
  programId: string;
  role: DelegationPosition;
  maxAmountCents: bigint;
  /** The approved change of the delegation of authority this limit comes from (null: the instrument's first state). */
  delegationChangeId: Generated<string | null>;
}

/** One change of one role's limit in one program: proposed by one administrator, decided by another. */
export interface DelegationChangeTable {
  id: Generated<string>;
  programId: string;
  role: DelegationPosition;
  maxAmountCents: bigint;
  previousCents: bigint | null;
  rationale: string;
  proposedBy: string;
  proposedAt: Generated<Date>;
  status: Generated<'proposed' | 'approved' | 'rejected'>;
  decidedBy: string | null;
  decidedAt: Date | null;
}

/** Who holds a position from which day to which: proposed by one administrator, decided by another. */
export interface PositionAppointmentTable {
  id: Generated<string>;
  userId: string;
  position: DelegationPosition;
  acting: boolean;
  startsOn: string;
  endsOn: string | null;
  rationale: string;
  proposedBy: string;
  proposedAt: Generated<Date>;
  status: Generated<'proposed' | 'approved' | 'rejected'>;
  decidedBy: string | null;
  decidedAt: Date | null;
}

export interface ProgramBudgetTable {
  programId: string;
  pillarId: string;
  fiscalYear: string;
  amountCents: bigint;
  updatedAt: Generated<Date>;
}
