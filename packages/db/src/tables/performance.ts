import type { ColumnType, Generated, Selectable } from 'kysely';
import type { CollectionFrequency, GbaDimension, IndicatorDirection, IndicatorUnit, LogicModelLevel } from '@tp/domain';

export interface CoreResponsibilityTable {
  id: Generated<string>;
  code: string;
  nameEn: string;
  nameFr: string;
}

export interface DepartmentalResultTable {
  id: Generated<string>;
  coreResponsibilityId: string;
  code: string;
  nameEn: string;
  nameFr: string;
}

export interface DepartmentalResultIndicatorTable {
  id: Generated<string>;
  departmentalResultId: string;
  code: string;
  nameEn: string;
  nameFr: string;
}

export interface LogicModelResultTable {
  id: Generated<string>;
  strategyId: string;
  programId: string | null;
  level: LogicModelLevel;
  pillarId: string | null;
  code: string;
  position: number;
  nameEn: string;
  nameFr: string;
}

export interface LogicModelLinkTable {
  fromResultId: string;
  toResultId: string;
}

export interface IndicatorTable {
  id: Generated<string>;
  resultId: string;
  code: string;
  nameEn: string;
  nameFr: string;
  definitionEn: string | null;
  definitionFr: string | null;
  unit: IndicatorUnit | null;
  direction: Generated<IndicatorDirection>;
  methodEn: string | null;
  methodFr: string | null;
  sourceEn: string | null;
  sourceFr: string | null;
  frequency: CollectionFrequency | null;
  /** numeric(16,4), exact, as text. */
  baselineValue: string | null;
  baselineYear: string | null;
  targetValue: string | null;
  targetDate: string | null;
  owner: string | null;
  gbaDimensions: Generated<GbaDimension[]>;
  departmentalResultIndicatorId: string | null;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
  /** Computed by the database from the fields above. */
  isReady: ColumnType<boolean, never, never>;
}

export type Indicator = Selectable<IndicatorTable>;
