import type { Generated, Selectable } from 'kysely';
import type { Language, OrganisationType, ProvinceOrTerritory } from '@tp/domain';

export interface OrganisationTable {
  id: Generated<string>;
  legalNameEn: string;
  legalNameFr: string;
  type: OrganisationType;
  provinceOrTerritory: ProvinceOrTerritory;
  businessNumber: string | null;
  isIndigenousLed: Generated<boolean>;
  isSurvivorLed: Generated<boolean>;
  addressLine: string | null;
  city: string | null;
  postalCode: string | null;
  /** The federal riding where known (disclosure, optional): names in both languages and the 5-digit number. */
  federalRidingNameEn: string | null;
  federalRidingNameFr: string | null;
  federalRidingNumber: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  officialLanguage: Generated<Language>;
  verifiedAt: Date | null;
  verifiedBy: string | null;
  createdBy: string | null;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}

export type Organisation = Selectable<OrganisationTable>;
