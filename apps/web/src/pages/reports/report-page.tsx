/**
 * /reports/$reportId. The recipient fills the report of a period (autosaved as they type, with
 * what submission still needs listed beside the form) and submits it; a returned report shows
 * the officer's comments by its sections. The officer reads the latest version beside the
 * agreement's plan and targets, comments per section, approves milestones, and accepts or
 * returns it. Every submitted version stays readable.
 */
import { useState } from 'react';
import { SuccessNotice } from '../../components/notices';
import { PageHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { useT } from '../../i18n/language';
import { type Report, useReport } from './use-report';
import { ReportForm } from './report-form';
import { ReportContentView } from './report-content-view';
import { ReviewPanel, Versions } from './report-review';

export function ReportPage({ reportId }: { reportId: string }) {
  const report = useReport(reportId);
  return <QueryView query={report}>{(r) => <ReportView report={r} />}</QueryView>;
}

function ReportView({ report }: { report: Report }) {
  const { t, pick, formatDate } = useT();
  const title = t(report.period.isFinal ? 'rep.titleFinal' : 'rep.title', { reference: report.agreement.referenceNumber });
  const period = t('rep.periodText', { start: formatDate(report.period.periodStart), end: formatDate(report.period.periodEnd) });
  const editable = report.allowedActions.includes('edit');
  const latest = report.revisions.at(-1);
  const [justSubmitted, setJustSubmitted] = useState(false);
  const [reviewed, setReviewed] = useState<'accepted' | 'returned' | null>(null);
  return (
    <>
      <PageHeading title={title} intro={t('rep.summary', { organisation: pick(report.organisation.legalNameEn, report.organisation.legalNameFr), period, due: formatDate(report.period.dueDate) })} />
      <p>
        <strong>{t('rep.col.status')}:</strong> <span data-testid="report-status">{t(`status.report.${report.status}`)}</span>
      </p>
      {justSubmitted && report.status === 'submitted' ? <SuccessNotice>{t('rep.submitted')}</SuccessNotice> : null}
      {reviewed ? <SuccessNotice>{t(reviewed === 'accepted' ? 'rep.review.done.accepted' : 'rep.review.done.returned')}</SuccessNotice> : null}
      {editable ? (
        <ReportForm key={`${report.id}-${report.revision}`} report={report} comments={report.status === 'returned' ? (latest?.comments ?? {}) : {}} onSubmitted={() => setJustSubmitted(true)} />
      ) : latest ? (
        <>
          <ReportContentView content={latest.content} plan={report.plan} isFinal={report.period.isFinal} comments={latest.comments} />
          {report.allowedActions.includes('review') ? <ReviewPanel report={report} onReviewed={setReviewed} /> : null}
        </>
      ) : null}
      <Versions report={report} />
    </>
  );
}

