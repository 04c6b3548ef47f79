/** Organisations: what a person gives when registering one, and how duplicates are recognised. */
import { z } from 'zod';
import { businessNumberSchema, displayNameSchema, emailSchema, languageSchema, organisationTypeSchema, provinceSchema } from './schemas';

const required = (key: string, max = 300) =>
  z.string({ message: `error.${key}.required` }).trim().min(1, { message: `error.${key}.required` }).max(max, { message: 'error.text.tooLong' });

/** A Canadian postal code, "A1A 1A1" (the space is optional when typed, stored with it). */
export const postalCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/, { message: 'error.postalCode.invalid' })
  .transform((v) => `${v.replace(' ', '').slice(0, 3)} ${v.replace(' ', '').slice(3)}`);

export const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ().-]{10,20}$/, { message: 'error.phone.invalid' });

/** An optional text: blank is "not given" (null). */
const optionalText = (max: number) =>
  z
    .string({ message: 'error.invalid' })
    .trim()
    .max(max, { message: 'error.text.tooLong' })
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v));

/** The federal riding's number (Elections Canada's electoral district): five digits, not starting with 0, as the disclosure template writes it. */
export const federalRidingNumberSchema = z
  .string({ message: 'error.invalid' })
  .trim()
  .regex(/^([1-9]\d{4})?$/, { message: 'error.federalRidingNumber.invalid' })
  .nullable()
  .optional()
  .transform((v) => (v === '' ? null : v));

export const organisationProfileInput = z.object({
  legalNameEn: required('legalNameEn'),
  legalNameFr: required('legalNameFr'),
  type: organisationTypeSchema,
  provinceOrTerritory: provinceSchema,
  /** Business number or, for a registered charity, its charity number (nine digits + RR0001). */
  businessNumber: businessNumberSchema.nullable(),
  isIndigenousLed: z.boolean(),
  isSurvivorLed: z.boolean(),
  officialLanguage: languageSchema,
  addressLine: required('address', 300),
  city: required('city', 120),
  postalCode: postalCodeSchema,
  /** Where known, for the proactive disclosure (optional). */
  federalRidingNameEn: optionalText(200),
  federalRidingNameFr: optionalText(200),
  federalRidingNumber: federalRidingNumberSchema,
  contactName: displayNameSchema,
  contactEmail: emailSchema,
  contactPhone: phoneSchema,
});
export type OrganisationProfileInput = z.infer<typeof organisationProfileInput>;

/** What a verification vouches for: change one and the organisation must be verified again before it signs. */
export const VERIFIED_FACTS = ['legalNameEn', 'legalNameFr', 'businessNumber'] as const;
export type VerifiedFact = (typeof VERIFIED_FACTS)[number];

/** The verified facts that differ between the profile on record and the one submitted. */
export function changedVerifiedFacts(before: Record<VerifiedFact, string | null>, after: Record<VerifiedFact, string | null>): VerifiedFact[] {
  return VERIFIED_FACTS.filter((fact) => (before[fact] ?? '') !== (after[fact] ?? ''));
}

/** Someone registering themselves and their organisation (they choose a password from the emailed link). */
export const registerInput = z.object({
  email: emailSchema,
  displayName: displayNameSchema,
  preferredLanguage: languageSchema,
  organisation: organisationProfileInput,
});
export type RegisterInput = z.infer<typeof registerInput>;

/** Names compared for duplicates: case, accents, punctuation and spacing ignored. */
export function normalisedName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Two organisations look like the same one: same business number (first nine digits), or same name in the same province. */
export function looksLikeDuplicate(
  a: { legalNameEn: string; provinceOrTerritory: string; businessNumber: string | null },
  b: { legalNameEn: string; provinceOrTerritory: string; businessNumber: string | null },
): boolean {
  if (a.businessNumber && b.businessNumber && a.businessNumber.slice(0, 9) === b.businessNumber.slice(0, 9)) return true;
  return a.provinceOrTerritory === b.provinceOrTerritory && normalisedName(a.legalNameEn) === normalisedName(b.legalNameEn);
}
