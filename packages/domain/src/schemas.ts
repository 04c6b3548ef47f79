/**
 * Input schemas shared by the client's forms and the server's procedures. Messages are
 * i18n keys ("error.email.invalid"); the client translates them into the user's language.
 */
import { z } from 'zod';
import { LANGUAGES, ORGANISATION_TYPES, PROVINCES_AND_TERRITORIES, ROLES } from './reference';

export const languageSchema = z.enum(LANGUAGES, { message: 'error.language.invalid' });
export const roleSchema = z.enum(ROLES, { message: 'error.role.invalid' });
export const uuidSchema = z.uuid({ message: 'error.id.invalid' });

export const emailSchema = z
  .string({ message: 'error.email.required' })
  .trim()
  .min(1, { message: 'error.email.required' })
  .max(254, { message: 'error.email.invalid' })
  .pipe(z.email({ message: 'error.email.invalid' }))
  .transform((v) => v.toLowerCase());

/** A new password: long rather than complicated (NIST SP 800-63B). */
export const newPasswordSchema = z
  .string({ message: 'error.password.required' })
  .min(12, { message: 'error.password.tooShort' })
  .max(200, { message: 'error.password.tooLong' });

export const signInInput = z.object({
  email: emailSchema,
  password: z.string({ message: 'error.password.required' }).min(1, { message: 'error.password.required' }).max(200, { message: 'error.password.tooLong' }),
});
export type SignInInput = z.infer<typeof signInInput>;

export const requestPasswordResetInput = z.object({ email: emailSchema });

export const completePasswordResetInput = z
  .object({
    token: z.string().min(20, { message: 'error.token.invalid' }).max(200, { message: 'error.token.invalid' }),
    password: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, { message: 'error.password.mismatch', path: ['confirmPassword'] });

export const displayNameSchema = z
  .string({ message: 'error.displayName.required' })
  .trim()
  .min(1, { message: 'error.displayName.required' })
  .max(120, { message: 'error.displayName.tooLong' });

/** A role held by a user: recipient roles name their organisation, department roles do not. */
export const membershipInput = z
  .object({
    role: roleSchema,
    organisationId: uuidSchema.nullable(),
  })
  .refine((m) => (m.role === 'recipient') === (m.organisationId !== null), {
    message: 'error.membership.organisationRequired',
    path: ['organisationId'],
  });
export type MembershipInput = z.infer<typeof membershipInput>;

export const inviteUserInput = z.object({
  email: emailSchema,
  displayName: displayNameSchema,
  preferredLanguage: languageSchema,
  memberships: z.array(membershipInput).min(1, { message: 'error.membership.required' }).max(10),
});
export type InviteUserInput = z.infer<typeof inviteUserInput>;

export const setMembershipsInput = z.object({
  userId: uuidSchema,
  memberships: z.array(membershipInput).min(1, { message: 'error.membership.required' }).max(10),
});

export const organisationTypeSchema = z.enum(ORGANISATION_TYPES, { message: 'error.organisationType.invalid' });
export const provinceSchema = z.enum(PROVINCES_AND_TERRITORIES, { message: 'error.province.invalid' });

/** A CRA business number: nine digits, optionally followed by a program account (RR0001). */
export const businessNumberSchema = z
  .string()
  .trim()
  .regex(/^\d{9}([A-Z]{2}\d{4})?$/, { message: 'error.businessNumber.invalid' });
