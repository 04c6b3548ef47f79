/**
 * What the organisation commands and reads share: the columns of an organisation's profile, and who
 * is an administrator of an organisation.
 */
import { type Db, type Tx } from '@tp/db';

export const ORGANISATION_COLUMNS = [
  'id',
  'legalNameEn',
  'legalNameFr',
  'type',
  'provinceOrTerritory',
  'businessNumber',
  'isIndigenousLed',
  'isSurvivorLed',
  'officialLanguage',
  'addressLine',
  'city',
  'postalCode',
  'contactName',
  'contactEmail',
  'contactPhone',
  'verifiedAt',
  'createdAt',
] as const;

export async function isOrganisationAdmin(db: Db | Tx, userId: string, organisationId: string): Promise<boolean> {
  const m = await db.selectFrom('membership').select('id').where('userId', '=', userId).where('organisationId', '=', organisationId).where('isOrganisationAdmin', '=', true).executeTakeFirst();
  return Boolean(m);
}
