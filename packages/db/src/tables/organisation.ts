import type { Generated, Selectable } from 'kysely';
import type { OrganisationType, ProvinceOrTerritory } from '@tp/domain';

export interface OrganisationTable {
  id: Generated<string>;
  legalNameEn: string;
  legalNameFr: string;
  type: OrganisationType;
  provinceOrTerritory: ProvinceOrTerritory;
  businessNumber: string | null;
  isIndigenousLed: Generated<boolean>;
  isSurvivorLed: Generated<boolean>;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}

export type Organisation = Selectable<OrganisationTable>;
