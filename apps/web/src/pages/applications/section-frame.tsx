/**
 * What the sections of the application form share: their titles, the frame that shows "Saved at
 * hh:mm" or their problems, and how amounts are typed and read back.
 */
import { parseMoney, toDecimalString, type ApplicationSection } from '@tp/domain';
import type { MessageKey } from '@tp/i18n/web';
import type { ReactNode } from 'react';
import { ProblemNotice } from '../../components/notices';
import { useT } from '../../i18n/language';
import type { SaveState } from './autosave';
import type { ApplicationData, CallData } from './types';
import { SectionHeading } from '../../components/page-heading';

export const SECTION_TITLE: Record<ApplicationSection, MessageKey> = {
  project: 'apply.section.project',
  workPlan: 'apply.section.workPlan',
  budget: 'apply.section.budget',
  otherFunding: 'apply.section.otherFunding',
  expectedResults: 'apply.section.expectedResults',
  gbaPlus: 'apply.section.gbaPlus',
  eligibility: 'apply.section.eligibility',
};

export const emptyToNull = (v: string) => (v.trim() === '' ? null : v.trim());

/** An amount as a person would type it back: "1234.5" -> "1234.50", or "1234,50" in French. */
export function moneyText(cents: bigint, lang: 'en' | 'fr'): string {
  const s = toDecimalString(cents);
  return lang === 'fr' ? s.replace('.', ',') : s;
}

export function parseAmount(text: string): bigint | null {
  try {
    return parseMoney(text);
  } catch {
    return null;
  }
}

export function SectionFrame({ section, state, onBlur, children }: { section: ApplicationSection; state: SaveState; onBlur(e: React.FocusEvent<HTMLElement>): void; children: ReactNode }) {
  const { t, locale } = useT();
  return (
    <section id={`section-${section}`} aria-labelledby={`heading-${section}`} className="tp-section tp-app-section" onBlur={onBlur}>
      <SectionHeading id={`heading-${section}`}>
        {t(SECTION_TITLE[section])}
      </SectionHeading>
      <ProblemNotice problem={state.problems.form} />
      {children}
      <p className="tp-save-state" role="status" data-testid={`saved-${section}`} style={{ minHeight: '1.5em' }}>
        {state.saving
          ? t('apply.saving')
          : state.savedAt
            ? t('apply.savedAt', { time: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(state.savedAt) })
            : ''}
      </p>
    </section>
  );
}

export interface SectionProps {
  app: ApplicationData;
  call: CallData;
}

