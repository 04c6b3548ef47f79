/** The officer's recommendation on an application. */
import { GcdsButton } from '@cdssnc/gcds-components-react';
import { RECOMMENDATION_OUTCOMES, recommendationInput, type RecommendationOutcome } from '@tp/domain';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { FormProblemNotice } from '../../components/notices';
import { useT } from '../../i18n/language';
import { trpc } from '../../lib/trpc';
import type { ApplicationDetail } from './application-view';
import { Section } from './intake-section';
import { OutcomeFields, useOutcomeSubmit } from './outcome-fields';

// --- Recommendation ----------------------------------------------------------------------------


export function Recommendation({ app }: { app: ApplicationDetail }) {
  const { t, formatDate, formatMoney } = useT();
  const r = app.recommendation;
  if (r) {
    return (
      <Section id="recommendation" title={t('assess.recommendation')}>
        <p data-testid="recommendation-result">
          {t('assess.recommendation.done', {
            date: formatDate(r.recommendedAt),
            outcome: t(`assess.outcome.${r.outcome}`),
            amount: r.amountCents === null ? '' : t('assess.amountShown', { amount: formatMoney(r.amountCents) }),
          })}
        </p>
        <p>{t('assess.recommendation.rationaleShown', { rationale: r.rationale })}</p>
      </Section>
    );
  }
  if (!app.allowedActions.includes('recommend')) return null;
  return (
    <Section id="recommendation" title={t('assess.recommendation')} intro={t('assess.recommendationIntro')}>
      <RecommendationForm applicationId={app.id} />
    </Section>
  );
}

function RecommendationForm({ applicationId }: { applicationId: string }) {
  const { t } = useT();
  const [outcome, setOutcome] = useState<RecommendationOutcome | ''>('');
  const [amountText, setAmountText] = useState('');
  const recommend = useMutation(trpc.assessment.recommend.mutationOptions());
  const { problems, onSubmit } = useOutcomeSubmit(
    (values) => recommendationInput.safeParse({ applicationId, outcome, ...values }),
    (input) => recommend.mutateAsync(input),
  );

  return (
    <form noValidate onSubmit={(event) => onSubmit(event, amountText)} aria-label={t('assess.recommendation')}>
      <FormProblemNotice problems={problems} />
      <OutcomeFields
        idPrefix="recommend"
        outcomes={RECOMMENDATION_OUTCOMES.map((o) => ({ value: o, label: t(`assess.outcome.${o}`) }))}
        outcome={outcome}
        onOutcome={(o) => setOutcome(o as RecommendationOutcome | '')}
        amountHint={t('assess.amountHintRecommend')}
        amountText={amountText}
        onAmountText={setAmountText}
        problems={problems}
      />
      <div className="tp-actions">
        <GcdsButton type="submit" disabled={recommend.isPending}>
          {t('assess.recommendSubmit')}
        </GcdsButton>
      </div>
    </form>
  );
}

