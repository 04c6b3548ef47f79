/** What the claim pages share: the names of cost categories and funding kinds, and a text field or select with its problem shown with it. */
import { GcdsInput, GcdsSelect } from '@cdssnc/gcds-components-react';
import { type CostCategory, type FundingSourceKind } from '@tp/domain';
import type { MessageKey } from '@tp/i18n/web';
import { type ReactNode } from 'react';
import { useT } from '../../i18n/language';
import { type Problem } from '../../lib/form-problems';

export const CATEGORY_LABEL = (c: CostCategory) => `apply.cost.${c}` as MessageKey;
export const FUNDING_KIND_LABEL = (k: FundingSourceKind) => `apply.fundingKind.${k}` as MessageKey;

export function useProblemText(problem: Problem | null | undefined): string {
  const { problem: message } = useT();
  return problem ? message(problem) : '';
}

export function Field({ id, label, value, onChange, problem, hint }: { id: string; label: string; value: string; onChange(v: string): void; problem?: Problem | null | undefined; hint?: string }) {
  return <GcdsInput inputId={id} name={id} label={label} type="text" validateOn="other" value={value} {...(hint ? { hint } : {})} errorMessage={useProblemText(problem)} onGcdsInput={(e) => onChange(String(e.detail ?? ''))} />;
}

export function Select({ id, label, value, onChange, problem, children }: { id: string; label: string; value: string; onChange(v: string): void; problem?: Problem | null | undefined; children: ReactNode }) {
  const { lang } = useT();
  return (
    <GcdsSelect key={`${id}-${lang}`} selectId={id} name={id} label={label} validateOn="other" value={value} errorMessage={useProblemText(problem)} onGcdsChange={(e) => onChange(String(e.detail ?? ''))}>
      {children}
    </GcdsSelect>
  );
}

