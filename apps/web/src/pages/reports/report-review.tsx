/** The officer's review of a submitted report, and every submitted version. */
import { GcdsCheckboxes, GcdsHeading, GcdsTextarea } from '@cdssnc/gcds-components-react';
import { REPORT_SECTIONS, type ReportSection } from '@tp/domain';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { InfoNotice, ProblemNotice } from '../../components/notices';
import { useT } from '../../i18n/language';
import { problemsFromError } from '../../lib/form-problems';
import { queryClient, trpc } from '../../lib/trpc';
import { type Report, SECTION_LABEL } from './use-report';
import { ReportContentView } from './report-content-view';
import { ConfirmAct } from '../../components/confirm-act';

// ---------------------------------------------------------------------------------------------
// The officer's review

export function ReviewPanel({ report, onReviewed }: { report: Report; onReviewed(outcome: 'accepted' | 'returned'): void }) {
  const { t, formatDate, formatMoney } = useT();
  const session = useQuery(trpc.auth.session.queryOptions());
  const [comments, setComments] = useState<Partial<Record<ReportSection, string>>>({});
  const [approve, setApprove] = useState<string[]>([]);
  const review = useMutation(trpc.reports.review.mutationOptions());
  const latest = report.revisions.at(-1)!;
  if (session.data && latest.submittedBy === session.data.id) return <InfoNotice title={t('rep.review.title')}>{t('rep.review.ownReport')}</InfoNotice>;
  const approved = new Set(report.milestoneApprovals.map((a) => a.milestoneKey));
  const open = report.plan.milestones.filter((m) => !approved.has(m.key));
  const sections = REPORT_SECTIONS.filter((s) => s !== 'finalResults' || report.period.isFinal);
  const send = async (outcome: 'accepted' | 'returned') => {
    await review.mutateAsync({ reportId: report.id, revision: report.revision, outcome, comments, approveMilestones: outcome === 'accepted' ? approve : [] }).then(
      async () => {
        onReviewed(outcome);
        await queryClient.invalidateQueries({ queryKey: trpc.reports.get.queryKey({ reportId: report.id }) });
      },
      () => undefined,
    );
  };
  return (
    <section aria-labelledby="review-heading" className="tp-section" data-testid="review-panel">
      <GcdsHeading tag="h2" id="review-heading">
        {t('rep.review.title')}
      </GcdsHeading>
      <ProblemNotice problem={review.error ? problemsFromError(review.error).form : null} />
      {sections.map((s) => (
        <GcdsTextarea
          key={s}
          textareaId={`review-${s}`}
          name={`review-${s}`}
          label={t('rep.review.comment', { section: t(SECTION_LABEL[s]) })}
          rows={2}
          value={comments[s] ?? ''}
          onGcdsInput={(e) => setComments({ ...comments, [s]: String(e.detail ?? '') })}
        />
      ))}
      {open.length > 0 ? (
        <GcdsCheckboxes
          id="approve-milestones"
          name="approve-milestones"
          legend={t('rep.review.milestones')}
          options={open.map((m) => ({
            id: `approve-${m.key}`,
            value: m.key,
            checked: approve.includes(m.key),
            label:
              m.paymentCents !== null
                ? t('rep.review.milestonePayment', { title: m.title, date: formatDate(m.dueDate), amount: formatMoney(m.paymentCents) })
                : t('rep.review.milestoneNoPayment', { title: m.title, date: formatDate(m.dueDate) }),
          }))}
          value={approve}
          onGcdsChange={(e) => setApprove(Array.isArray(e.detail) ? (e.detail as string[]) : [])}
        />
      ) : null}
      <div className="tp-actions">
        <ConfirmAct label={t('rep.review.accept')} question={t('rep.review.acceptQuestion', { count: approve.length })} yes={t('rep.review.acceptYes')} disabled={review.isPending} onConfirm={() => send('accepted')} />
        <ConfirmAct label={t('rep.review.return')} question={t('rep.review.returnQuestion')} yes={t('rep.review.returnYes')} secondary disabled={review.isPending} onConfirm={() => send('returned')} />
      </div>
    </section>
  );
}

export function Versions({ report }: { report: Report }) {
  const { t, formatDate } = useT();
  if (report.revisions.length === 0) return null;
  return (
    <section aria-labelledby="versions-heading" className="tp-section">
      <GcdsHeading tag="h2" id="versions-heading">
        {t('rep.versions')}
      </GcdsHeading>
      <ul data-testid="report-versions">
        {report.revisions.map((v) => (
          <li key={v.revision}>
            <details>
              <summary>
                {t('rep.version', { n: v.revision, date: formatDate(v.submittedAt) })}:{' '}
                {v.outcome === null ? t('rep.outcome.pending') : t(v.outcome === 'accepted' ? 'rep.outcome.accepted' : 'rep.outcome.returned', { date: formatDate(v.reviewedAt!) })}
              </summary>
              <ReportContentView content={v.content} plan={report.plan} isFinal={report.period.isFinal} comments={v.comments} prefix={`version-${v.revision}`} />
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}

