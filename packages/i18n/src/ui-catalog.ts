/**
 * The messages the browser shows: every catalog except mail and printed documents, which only
 * the server writes. The web client loads this one (`@tp/i18n/web`), the server the whole set.
 */
import { errors } from './errors';
import { errorsAgreements } from './errors-agreements';
import { errorsClaims } from './errors-claims';
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

export const uiEn = { ...errors.en, ...errorsAgreements.en, ...errorsClaims.en, ...reports.en, ...ui.en, ...uiPrograms.en, ...uiApplications.en, ...uiAssessment.en, ...uiReports.en, ...uiFinance.en, ...uiContributionAgreements.en, ...uiResults.en };
export type UiMessageKey = keyof typeof uiEn;
export const uiFr: Record<UiMessageKey, string> = { ...errors.fr, ...errorsAgreements.fr, ...errorsClaims.fr, ...reports.fr, ...ui.fr, ...uiPrograms.fr, ...uiApplications.fr, ...uiAssessment.fr, ...uiReports.fr, ...uiFinance.fr, ...uiContributionAgreements.fr, ...uiResults.fr };

/** Reading a catalog: the message for a key, with {placeholders} filled; unknown keys give a generic error. */
export function translator<K extends string>(catalogs: Record<Lang, Record<K, string>>) {
  const isKey = (key: string): key is K => Object.prototype.hasOwnProperty.call(catalogs.en, key);
  const translate = (lang: Lang, key: string, params?: Record<string, string | number>): string => {
    const template: string = isKey(key) ? catalogs[lang][key] : catalogs[lang]['error.invalid' as K];
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
  return { isKey, translate };
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
