/**
 * Zod compiles fast parsers with `new Function` when it may; the page's Content-Security-Policy
 * forbids eval, and even zod's probe for it is reported as a violation. Parse without it.
 * Imported first by main.tsx, before any schema is built.
 */
import { z } from 'zod';

z.config({ jitless: true });
