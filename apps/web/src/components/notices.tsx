/** Messages above a form or a page: a problem (danger), the form's error summary, or a confirmation (success). */
import { GcdsNotice } from '@cdssnc/gcds-components-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../i18n/language';
import type { FormProblems, Problem } from '../lib/form-problems';

export function ProblemNotice({ problem }: { problem: Problem | null }) {
  const { t, problem: message } = useT();
  if (!problem) return null;
  return (
    <div role="alert" className="tp-notice">
      <GcdsNotice type="danger" noticeTitleTag="h2" noticeTitle={t('common.errorTitle')}>
        <p className="tp-notice-text" data-testid="form-problem">{message(problem)}</p>
      </GcdsNotice>
    </div>
  );
}

/** The element of a field: by its id, in the page or inside a GCDS component's shadow root (its host takes the focus). */
function fieldElement(id: string): HTMLElement | null {
  const plain = document.getElementById(id);
  if (plain) return plain;
  return ([...document.querySelectorAll('gcds-input, gcds-select, gcds-textarea, gcds-checkboxes, gcds-radios, gcds-date-input')] as HTMLElement[]).find((host) => host.shadowRoot?.getElementById(id)) ?? null;
}

/**
 * Above a form: its problem, if any, and the error summary, as the Canada.ca pattern has it: how
 * many problems, each a link that moves to its field. The summary takes the focus each time a
 * submission is refused, so the user starts from the list of what to fix. A field whose input is
 * not on the page is left to its inline message.
 */
export function FormProblemNotice({ problems }: { problems: FormProblems }) {
  const { t, problem: message } = useT();
  const summary = useRef<HTMLDivElement>(null);
  // The fields are on the page already when a submission is refused (the form was there to submit).
  const links = Object.entries(problems.fields).flatMap(([field, p]) => {
    const id = [`field-${field}`, field, field.replace(/\./g, '-')].find((c) => typeof document !== 'undefined' && fieldElement(c));
    return id ? [{ id, text: message(p) }] : [];
  });
  const count = links.length;
  useEffect(() => {
    if (count > 0) summary.current?.focus();
  }, [problems, count]);
  return (
    <>
      <ProblemNotice problem={problems.form} />
      {count > 0 ? (
        <div ref={summary} tabIndex={-1} role="alert" className="tp-notice" data-testid="error-summary">
          <GcdsNotice type="danger" noticeTitleTag="h2" noticeTitle={t('common.errorSummary', { count })}>
            <ul className="tp-list">
              {links.map((l) => (
                <li key={l.id}>
                  <a
                    href={`#${l.id}`}
                    className="tp-link"
                    onClick={(e) => {
                      e.preventDefault();
                      const el = fieldElement(l.id);
                      el?.scrollIntoView({ block: 'center' });
                      el?.focus();
                    }}
                  >
                    {l.text}
                  </a>
                </li>
              ))}
            </ul>
          </GcdsNotice>
        </div>
      ) : null}
    </>
  );
}

export function SuccessNotice({ children }: { children: ReactNode }) {
  const { t } = useT();
  return (
    <div role="status" className="tp-notice">
      <GcdsNotice type="success" noticeTitleTag="h2" noticeTitle={t('common.successTitle')}>
        <p className="tp-notice-text">{children}</p>
      </GcdsNotice>
    </div>
  );
}

export function InfoNotice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="tp-notice">
      <GcdsNotice type="info" noticeTitleTag="h2" noticeTitle={title}>
        <p className="tp-notice-text">{children}</p>
      </GcdsNotice>
    </div>
  );
}
