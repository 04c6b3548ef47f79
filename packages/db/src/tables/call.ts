import type { Generated, Selectable } from 'kysely';
import type { CallPriority, CallStatus, OrganisationType, ProvinceOrTerritory } from '@tp/domain';

export interface CallForProposalsTable {
  id: Generated<string>;
  programId: string;
  streamId: string | null;
  titleEn: string;
  titleFr: string;
  descriptionEn: Generated<string>;
  descriptionFr: Generated<string>;
  eligibleRecipientTypes: OrganisationType[];
  eligibleProvinces: ProvinceOrTerritory[];
  priorities: Generated<CallPriority[]>;
  minAmountCents: bigint;
  maxAmountCents: bigint;
  maxDurationMonths: number;
  firstFiscalYear: string;
  lastFiscalYear: string;
  opensAt: Date;
  closesAt: Date;
  status: Generated<CallStatus>;
  publishedAt: Date | null;
  createdBy: string;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}

export interface CallPillarTable {
  callId: string;
  pillarId: string;
}

export interface CallIndicatorTable {
  callId: string;
  indicatorId: string;
  indicatorReady: Generated<boolean>;
}

export interface CallEligibilityQuestionTable {
  id: Generated<string>;
  callId: string;
  position: number;
  textEn: string;
  textFr: string;
  expectedAnswer: boolean;
}

export interface CallCriterionTable {
  id: Generated<string>;
  callId: string;
  position: number;
  nameEn: string;
  nameFr: string;
  weight: number;
}

export type CallForProposals = Selectable<CallForProposalsTable>;
