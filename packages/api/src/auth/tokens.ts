/** Secrets for cookies and emailed links, and the hash the database keeps of them instead. */
import { createHash, randomBytes } from 'node:crypto';

/** A random secret for a cookie or an emailed link: 256 bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps instead of the secret itself. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
