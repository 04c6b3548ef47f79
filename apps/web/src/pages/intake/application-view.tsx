/**
 * A submitted application, read-only: every section, budget totals and attachment downloads.
 * Shown to staff on /intake/$id and to a reviewer (after declaring no conflict) on /assessments/$id.
 */
import { GcdsHeading } from '@cdssnc/gcds-components-react';
import { DataTable } from '../../components/data-table';
import { useT } from '../../i18n/language';
import type { trpcClient } from '../../lib/trpc';

export type ApplicationDetail = Awaited<ReturnType<typeof trpcClient.applications.get.query>>;
export type CallDetail = Awaited<ReturnType<typeof trpcClient.calls.get.query>>;

export function ApplicationFacts({ app }: { app: ApplicationDetail }) {
  const { t, pick, formatDate, formatMoney } = useT();
  return (
    <section aria-labelledby="summary-heading" className="tp-section">
      <GcdsHeading tag="h2" id="summary-heading">
        {t('assess.summary')}
      </GcdsHeading>
      <dl className="tp-facts">
        <dt>{t('assess.fact.organisation')}</dt>
        <dd>{pick(app.organisation.legalNameEn, app.organisation.legalNameFr)}</dd>
        <dt>{t('assess.fact.organisationType')}</dt>
        <dd>{t(`organisationType.${app.organisation.type}`)}</dd>
        <dt>{t('assess.fact.province')}</dt>
        <dd>{t(`province.${app.organisation.provinceOrTerritory}`)}</dd>
        <dt>{t('assess.fact.verification')}</dt>
        <dd>{app.organisation.verifiedAt ? t('assess.orgs.verifiedOn', { date: formatDate(app.organisation.verifiedAt) }) : t('assess.orgs.notVerified')}</dd>
        <dt>{t('assess.fact.call')}</dt>
        <dd>{pick(app.call.titleEn, app.call.titleFr)}</dd>
        <dt>{t('assess.fact.status')}</dt>
        <dd data-testid="application-status">{t(`status.application.${app.status}`)}</dd>
        <dt>{t('assess.fact.submitted')}</dt>
        <dd>{app.submittedAt ? formatDate(app.submittedAt) : t('assess.notGiven')}</dd>
        <dt>{t('assess.fact.requested')}</dt>
        <dd>{app.requestedAmountCents !== null ? formatMoney(app.requestedAmountCents) : t('assess.notGiven')}</dd>
      </dl>
    </section>
  );
}

export function ApplicationSections({ app, call }: { app: ApplicationDetail; call: CallDetail | undefined }) {
  const { t, pick, formatDate, formatMoney } = useT();
  const orNone = (s: string | null | undefined) => (s && s.trim() ? s : t('assess.notGiven'));
  const indicatorName = (id: string) => {
    const i = call?.indicators.find((x) => x.id === id);
    return i ? pick(i.nameEn, i.nameFr) : id;
  };
  const question = (id: string) => {
    const q = call?.eligibilityQuestions.find((x) => x.id === id);
    return q ? pick(q.textEn, q.textFr) : id;
  };
  const { project, workPlan, budget, otherFunding, expectedResults, gbaPlus, eligibility, totals } = app;
  return (
    <>
      <section aria-labelledby="project-heading" className="tp-section">
        <GcdsHeading tag="h2" id="project-heading">
          {t('assess.section.project')}
        </GcdsHeading>
        <dl className="tp-facts">
          <dt>{t('assess.project.title')}</dt>
          <dd>{orNone(project.title)}</dd>
          <dt>{t('assess.project.summary')}</dt>
          <dd>{orNone(project.summary)}</dd>
          <dt>{t('assess.project.objectives')}</dt>
          <dd>{orNone(project.objectives)}</dd>
          <dt>{t('assess.project.targetPopulations')}</dt>
          <dd>{orNone(project.targetPopulations)}</dd>
          <dt>{t('assess.project.regionsServed')}</dt>
          <dd>{project.regionsServed.length ? project.regionsServed.map((p) => t(`province.${p}`)).join(', ') : t('assess.notGiven')}</dd>
          <dt>{t('assess.project.dates')}</dt>
          <dd>
            {project.startDate && project.endDate
              ? t('assess.project.dateRange', { start: formatDate(project.startDate), end: formatDate(project.endDate) })
              : t('assess.notGiven')}
          </dd>
        </dl>
      </section>

      <section aria-labelledby="workplan-heading" className="tp-section">
        <GcdsHeading tag="h2" id="workplan-heading">
          {t('assess.section.workPlan')}
        </GcdsHeading>
        {workPlan.activities.length === 0 ? (
          <p>{t('assess.none')}</p>
        ) : (
          <ol className="tp-list">
            {workPlan.activities.map((a, i) => (
              <li key={i}>
                <strong>{a.title}</strong>
                {a.startDate && a.endDate ? ` (${t('assess.project.dateRange', { start: formatDate(a.startDate), end: formatDate(a.endDate) })})` : ''}
                <br />
                {a.description}
                {a.deliverables ? (
                  <>
                    <br />
                    {t('assess.activity.deliverables', { deliverables: a.deliverables })}
                  </>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="budget-heading" className="tp-section">
        <GcdsHeading tag="h2" id="budget-heading">
          {t('assess.section.budget')}
        </GcdsHeading>
        <DataTable
          caption={t('assess.budgetCaption')}
          rows={budget.lines}
          rowKey={(_, i) => i}
          columns={[
            { header: t('assess.budget.fiscalYear'), cell: (l) => l.fiscalYear },
            { header: t('assess.budget.category'), cell: (l) => t(`assess.costCategory.${l.category}`) },
            { header: t('assess.budget.amount'), cell: (l) => formatMoney(l.amountCents) },
            { header: t('assess.budget.justification'), cell: (l) => l.justification },
          ]}
        />
        <h3>{t('assess.budget.totalsByYear')}</h3>
        <dl className="tp-facts">
          {Object.entries(totals.byFiscalYear).map(([fy, cents]) => (
            <div key={fy} style={{ display: 'contents' }}>
              <dt>{fy}</dt>
              <dd>{formatMoney(cents)}</dd>
            </div>
          ))}
        </dl>
        <h3>{t('assess.budget.totalsByCategory')}</h3>
        <dl className="tp-facts">
          {Object.entries(totals.byCategory).map(([category, cents]) => (
            <div key={category} style={{ display: 'contents' }}>
              <dt>{t(`assess.costCategory.${category as keyof typeof totals.byCategory}`)}</dt>
              <dd>{formatMoney(cents ?? 0n)}</dd>
            </div>
          ))}
          <dt>{t('assess.budget.total')}</dt>
          <dd data-testid="budget-total">{formatMoney(totals.total)}</dd>
        </dl>
      </section>

      <section aria-labelledby="funding-heading" className="tp-section">
        <GcdsHeading tag="h2" id="funding-heading">
          {t('assess.section.otherFunding')}
        </GcdsHeading>
        <DataTable
          caption={t('assess.otherFundingCaption')}
          rows={otherFunding.sources}
          rowKey={(_, i) => i}
          empty={t('assess.none')}
          columns={[
            { header: t('assess.funding.source'), cell: (s) => s.source },
            { header: t('assess.funding.kind'), cell: (s) => t(`assess.fundingKind.${s.kind}`) },
            { header: t('assess.funding.amount'), cell: (s) => formatMoney(s.amountCents) },
            { header: t('assess.funding.status'), cell: (s) => t(`assess.fundingStatus.${s.status}`) },
          ]}
        />
      </section>

      <section aria-labelledby="results-heading" className="tp-section">
        <GcdsHeading tag="h2" id="results-heading">
          {t('assess.section.expectedResults')}
        </GcdsHeading>
        {expectedResults.results.length === 0 ? (
          <p>{t('assess.none')}</p>
        ) : (
          <ul className="tp-list">
            {expectedResults.results.map((r) => (
              <li key={r.indicatorId}>
                {t('assess.result.line', { indicator: indicatorName(r.indicatorId), target: r.targetValue })}
                {r.notes ? ` — ${r.notes}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="gba-heading" className="tp-section">
        <GcdsHeading tag="h2" id="gba-heading">
          {t('assess.section.gbaPlus')}
        </GcdsHeading>
        <dl className="tp-facts">
          <dt>{t('assess.gba.populations')}</dt>
          <dd>{orNone(gbaPlus.populationsServed)}</dd>
          <dt>{t('assess.gba.barriers')}</dt>
          <dd>{gbaPlus.barriers.length ? gbaPlus.barriers.map((b) => t(`assess.gbaBarrier.${b}`)).join(', ') : t('assess.none')}</dd>
          <dt>{t('assess.gba.howAddressed')}</dt>
          <dd>{orNone(gbaPlus.howAddressed)}</dd>
        </dl>
      </section>

      <section aria-labelledby="eligibility-heading" className="tp-section">
        <GcdsHeading tag="h2" id="eligibility-heading">
          {t('assess.section.eligibility')}
        </GcdsHeading>
        <dl className="tp-facts">
          {eligibility.answers.map((a) => (
            <div key={a.questionId} style={{ display: 'contents' }}>
              <dt>{question(a.questionId)}</dt>
              <dd>{a.answer ? t('common.yes') : t('common.no')}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="attachments-heading" className="tp-section">
        <GcdsHeading tag="h2" id="attachments-heading">
          {t('assess.section.attachments')}
        </GcdsHeading>
        {app.attachments.length === 0 ? (
          <p>{t('assess.attachmentsEmpty')}</p>
        ) : (
          <ul className="tp-list">
            {app.attachments.map((a) => (
              <li key={a.id}>
                <a className="tp-link" href={`/attachments/${app.id}/${a.id}`} download={a.fileName}>
                  {t('assess.attachment.download', { name: a.fileName, size: Math.max(1, Math.round(Number(a.sizeBytes) / 1024)) })}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
