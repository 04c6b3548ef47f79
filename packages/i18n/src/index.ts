/**
 * Message catalogs, one per language, and the one function that reads them.
 * French must have every key English has (the type checker enforces it, and a test too).
 */
import { errors } from './errors';
import { errorsAgreements } from './errors-agreements';
import { errorsClaims } from './errors-claims';
import { mail } from './mail';
import { pdfAgreement } from './pdf-agreement';
import { reports } from './reports';
import { ui } from './ui';
import { uiApplications } from './ui-applications';
import { uiAssessment } from './ui-assessment';
import { uiContributionAgreements } from './ui-contribution-agreements';
import { uiFinance } from './ui-finance';
import { uiPrograms } from './ui-programs';
import { uiReports } from './ui-reports';
import { uiResults } from './ui-results';

export type Lang = 'en' | 'fr';

const en = { ...errors.en, ...errorsAgreements.en, ...errorsClaims.en, ...reports.en, ...mail.en, ...ui.en, ...uiPrograms.en, ...uiApplications.en, ...uiAssessment.en, ...uiReports.en, ...uiFinance.en, ...pdfAgreement.en, ...uiContributionAgreements.en, ...uiResults.en };
export type MessageKey = keyof typeof en;
const fr: Record<MessageKey, string> = { ...errors.fr, ...errorsAgreements.fr, ...errorsClaims.fr, ...reports.fr, ...mail.fr, ...ui.fr, ...uiPrograms.fr, ...uiApplications.fr, ...uiAssessment.fr, ...uiReports.fr, ...uiFinance.fr, ...pdfAgreement.fr, ...uiContributionAgreements.fr, ...uiResults.fr };

export const catalogs: Record<Lang, Record<MessageKey, string>> = { en, fr };

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/** The message for `key` in `lang`, with {placeholders} filled. Unknown keys fall back to a generic error. */
export function translate(lang: Lang, key: string, params?: Record<string, string | number>): string {
  const template: string = isMessageKey(key) ? catalogs[lang][key] : catalogs[lang]['error.invalid'];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A language from an Accept-Language header or a cookie value; English when unsure. */
export function pickLanguage(...candidates: (string | null | undefined)[]): Lang {
  for (const c of candidates) {
    if (!c) continue;
    const first = c.split(',')[0]?.trim().toLowerCase() ?? '';
    if (first.startsWith('fr')) return 'fr';
    if (first.startsWith('en')) return 'en';
  }
  return 'en';
}
