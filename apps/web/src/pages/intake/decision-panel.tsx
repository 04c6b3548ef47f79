/** The manager's decision on an application, within their delegated limit. */
import { GcdsButton } from '@cdssnc/gcds-components-react';
import { DECISION_OUTCOMES, decisionInput, type DecisionOutcome, type RecommendationOutcome, toDecimalString } from '@tp/domain';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { SuccessNotice, FormProblemNotice } from '../../components/notices';
import { useT } from '../../i18n/language';
import { trpc } from '../../lib/trpc';
import type { ApplicationDetail } from './application-view';
import { Section } from './intake-section';
import { OutcomeFields, useOutcomeSubmit } from './outcome-fields';

// --- Decision ----------------------------------------------------------------------------------

const DECISION_FOR: Record<RecommendationOutcome, DecisionOutcome> = { fund: 'approved', fund_with_changes: 'approved_with_changes', do_not_fund: 'declined' };

export function Decision({ app }: { app: ApplicationDetail }) {
  const { t, formatDate, formatDateTime, formatMoney } = useT();
  const d = app.decision;
  if (d) {
    return (
      <Section id="decision" title={t('assess.decision')}>
        <p data-testid="decision-result">
          {t('assess.decision.done', {
            date: formatDate(d.decidedAt),
            outcome: t(`assess.decision.${d.outcome}`),
            amount: d.amountCents === null ? '' : t('assess.amountShown', { amount: formatMoney(d.amountCents) }),
          })}
        </p>
        {app.letter ? (
          <article aria-labelledby="letter-heading" className="tp-card" data-testid="decision-letter">
            <h3 id="letter-heading">{t('assess.letter')}</h3>
            <p>{t('assess.letterMeta', { date: formatDateTime(app.letter.generatedAt), language: t(`assess.letterLanguage.${app.letter.language}`) })}</p>
            <p lang={app.letter.language}>
              <strong>{app.letter.subject}</strong>
            </p>
            <div lang={app.letter.language} style={{ whiteSpace: 'pre-wrap' }}>
              {app.letter.body}
            </div>
          </article>
        ) : null}
      </Section>
    );
  }
  if (!app.allowedActions.includes('decide')) {
    return app.status === 'recommended' || app.status === 'under_review' ? (
      <Section id="decision" title={t('assess.decision')}>
        <p>{t('assess.decision.notYet')}</p>
      </Section>
    ) : null;
  }
  return (
    <Section id="decision" title={t('assess.decision')} intro={t('assess.decisionIntro')}>
      <DecisionForm app={app} />
    </Section>
  );
}

function DecisionForm({ app }: { app: ApplicationDetail }) {
  const { t } = useT();
  const recommended = app.recommendation;
  const [outcome, setOutcome] = useState<DecisionOutcome | ''>(recommended ? DECISION_FOR[recommended.outcome] : '');
  const [amountText, setAmountText] = useState(recommended?.amountCents != null ? toDecimalString(recommended.amountCents) : '');
  const [done, setDone] = useState(false);
  const decide = useMutation(trpc.assessment.decide.mutationOptions());
  const { problems, onSubmit } = useOutcomeSubmit(
    (values) => decisionInput.safeParse({ applicationId: app.id, outcome, ...values }),
    (input) => decide.mutateAsync(input),
    () => setDone(true),
  );

  return (
    <form noValidate onSubmit={(event) => onSubmit(event, amountText)} aria-label={t('assess.decision')}>
      {done ? <SuccessNotice>{t('assess.decided')}</SuccessNotice> : null}
      <FormProblemNotice problems={problems} />
      <OutcomeFields
        idPrefix="decide"
        outcomes={DECISION_OUTCOMES.map((o) => ({ value: o, label: t(`assess.decision.${o}`) }))}
        outcome={outcome}
        onOutcome={(o) => setOutcome(o as DecisionOutcome | '')}
        amountHint={t('assess.amountHintDecide')}
        amountText={amountText}
        onAmountText={setAmountText}
        problems={problems}
      />
      <div className="tp-actions">
        <GcdsButton type="submit" disabled={decide.isPending}>
          {t('assess.decideSubmit')}
        </GcdsButton>
      </div>
    </form>
  );
}

