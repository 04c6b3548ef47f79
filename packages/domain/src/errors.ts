/**
 * Domain errors carry a code, an i18n message key (looked up in the user's language by
 * whoever shows it) and, when the error concerns one input, the field's name.
 * The API maps the code to an HTTP status in one place.
 */
export const DOMAIN_ERROR_CODES = [
  'BAD_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'UNAVAILABLE',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** A message parameter: plain, or already worded in each language (a name, a list of labels). */
export type MessageParam = string | number | { en: string; fr: string };

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly messageKey: string,
    readonly field?: string,
    readonly params?: Record<string, MessageParam>,
  ) {
    super(messageKey);
    this.name = 'DomainError';
  }
}
