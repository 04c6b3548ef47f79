/**
 * What the organisation commands and reads share: the columns of an organisation's profile, and who
 * is an administrator of an organisation.
 */
import { DomainError } from '@tp/domain';
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
  'federalRidingNameEn',
  'federalRidingNameFr',
  'federalRidingNumber',
  'contactName',
  'contactEmail',
  'contactPhone',
  'verifiedAt',
  'createdAt',
] as const;

/**
 * Acting as an organisation's administrator: refused as "not found" to anyone who is not one of
 * its people (whether it exists or not, the same answer), and as "not its administrator" to its
 * other people, who may see it.
 */
export async function assertOrganisationAdmin(db: Db | Tx, userId: string, organisationId: string, field: string): Promise<void> {
  const m = await db.selectFrom('membership').select('isOrganisationAdmin').where('userId', '=', userId).where('organisationId', '=', organisationId).executeTakeFirst();
  if (!m) throw new DomainError('NOT_FOUND', 'error.notFound', field);
  if (!m.isOrganisationAdmin) throw new DomainError('FORBIDDEN', 'error.organisation.notAdmin', field);
}

export async function isOrganisationAdmin(db: Db | Tx, userId: string, organisationId: string): Promise<boolean> {
  const m = await db.selectFrom('membership').select('id').where('userId', '=', userId).where('organisationId', '=', organisationId).where('isOrganisationAdmin', '=', true).executeTakeFirst();
  return Boolean(m);
}
