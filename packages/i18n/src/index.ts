/**
 * Message catalogs, one per language, and the one function that reads them.
 * French must have every key English has (the type checker enforces it, and a test too).
 * The browser loads `@tp/i18n/web` (the same without mail and printed documents).
 */
import { mail } from './mail';
import { pdfAgreement } from './pdf-agreement';
import { pdfResults } from './pdf-results';
import { translator, uiEn, uiFr, type Lang } from './ui-catalog';

export { pickLanguage, type Lang, type UiMessageKey } from './ui-catalog';

const en = { ...uiEn, ...mail.en, ...pdfAgreement.en, ...pdfResults.en };
export type MessageKey = keyof typeof en;
const fr: Record<MessageKey, string> = { ...uiFr, ...mail.fr, ...pdfAgreement.fr, ...pdfResults.fr };

export const catalogs: Record<Lang, Record<MessageKey, string>> = { en, fr };

const all = translator(catalogs);
export const isMessageKey = all.isKey;
/** The message for `key` in `lang`, with {placeholders} filled. Unknown keys fall back to a generic error. */
export const translate = all.translate;
