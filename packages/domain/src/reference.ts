/** Reference lists shared by the database's CHECK constraints, the server and the client. */
export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

export const ROLES = [
  'recipient',
  'program_officer',
  'program_manager',
  'reviewer',
  'finance_officer',
  'results_analyst',
  'administrator',
] as const;
export type Role = (typeof ROLES)[number];

/** Department roles belong to the department; a recipient role always names an organisation. */
export const DEPARTMENT_ROLES = ROLES.filter((r) => r !== 'recipient') as Exclude<Role, 'recipient'>[];

export const ORGANISATION_TYPES = [
  'province_or_territory',
  'municipal_police_service',
  'provincial_police_service',
  'indigenous_organisation',
  'non_profit',
  'academic',
  'other',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** Canada's provinces and territories by their postal abbreviation. */
export const PROVINCES_AND_TERRITORIES = [
  'AB',
  'BC',
  'MB',
  'NB',
  'NL',
  'NS',
  'NT',
  'NU',
  'ON',
  'PE',
  'QC',
  'SK',
  'YT',
] as const;
export type ProvinceOrTerritory = (typeof PROVINCES_AND_TERRITORIES)[number];

export const TRANSFER_PAYMENT_TYPES = ['grant', 'contribution'] as const;
export type TransferPaymentType = (typeof TRANSFER_PAYMENT_TYPES)[number];

/** Where each role lands after signing in. */
export const HOME_PATH: Record<Role, string> = {
  recipient: '/recipient',
  program_officer: '/officer',
  program_manager: '/manager',
  reviewer: '/reviewer',
  finance_officer: '/finance',
  results_analyst: '/results',
  administrator: '/admin',
};
