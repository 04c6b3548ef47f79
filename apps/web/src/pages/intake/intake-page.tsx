/**
 * /intake (program officers and managers): the submitted applications, filtered by call, status,
 * province, type of organisation and priority; and for each call in the list, its ranking by
 * average weighted score (with reviewer spread) and its service standards.
 */
import { GcdsHeading, GcdsSelect } from '@cdssnc/gcds-components-react';
import { APPLICATION_STAFF, APPLICATION_STATUSES, type ApplicationStatus, CALL_PRIORITIES, type CallPriority, ORGANISATION_TYPES, type OrganisationType, type ProvinceOrTerritory, PROVINCES_AND_TERRITORIES } from '@tp/domain';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { DataTable } from '../../components/data-table';
import { PageHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { useT } from '../../i18n/language';
import { trpc } from '../../lib/trpc';
import { AnyRoleGate } from '../../components/role-gate';

export function IntakePage() {
  return (
    <AnyRoleGate roles={APPLICATION_STAFF}>
      <Intake />
    </AnyRoleGate>
  );
}

interface Filters {
  callId?: string;
  status?: ApplicationStatus;
  province?: ProvinceOrTerritory;
  organisationType?: OrganisationType;
  priority?: CallPriority;
}

const STATUSES = APPLICATION_STATUSES.filter((s) => s !== 'draft');

function Intake() {
  const { t, lang, pick, formatDate, formatMoney } = useT();
  const [filters, setFilters] = useState<Filters>({});
  const calls = useQuery(trpc.calls.list.queryOptions());
  /** With one call chosen, its title in every row says nothing. */
  const showCall = !filters.callId;
  const queue = useQuery(trpc.applications.intake.queryOptions(filters));
  const set = (change: Partial<Filters>) =>
    setFilters((f) => {
      const next: Filters = { ...f, ...change };
      for (const k of Object.keys(next) as (keyof Filters)[]) if (!next[k]) delete next[k];
      return next;
    });

  return (
    <>
      <PageHeading title={t('assess.intake.title')} intro={t('assess.intake.intro')} />
      <section aria-labelledby="filters-heading" className="tp-section">
        <GcdsHeading tag="h2" id="filters-heading">
          {t('assess.filters')}
        </GcdsHeading>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(16rem, 1fr))', columnGap: 'var(--gcds-spacing-400)' }}>
          <FilterSelect id="filter-call" label={t('assess.filter.call')} value={filters.callId ?? ''} onChange={(v) => set({ callId: v })}>
            {(calls.data?.calls ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {pick(c.titleEn, c.titleFr)}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect id="filter-status" label={t('assess.filter.status')} value={filters.status ?? ''} onChange={(v) => set({ status: (v || undefined) as ApplicationStatus | undefined })}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.application.${s}`)}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect id="filter-province" label={t('assess.filter.province')} value={filters.province ?? ''} onChange={(v) => set({ province: (v || undefined) as ProvinceOrTerritory | undefined })}>
            {[...PROVINCES_AND_TERRITORIES]
              .sort((a, b) => t(`province.${a}`).localeCompare(t(`province.${b}`), lang))
              .map((p) => (
                <option key={p} value={p}>
                  {t(`province.${p}`)}
                </option>
              ))}
          </FilterSelect>
          <FilterSelect
            id="filter-type"
            label={t('assess.filter.organisationType')}
            value={filters.organisationType ?? ''}
            onChange={(v) => set({ organisationType: (v || undefined) as OrganisationType | undefined })}
          >
            {ORGANISATION_TYPES.map((o) => (
              <option key={o} value={o}>
                {t(`organisationType.${o}`)}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect id="filter-priority" label={t('assess.filter.priority')} value={filters.priority ?? ''} onChange={(v) => set({ priority: (v || undefined) as CallPriority | undefined })}>
            {CALL_PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`assess.priority.${p}`)}
              </option>
            ))}
          </FilterSelect>
        </div>
      </section>

      <QueryView query={queue}>
        {(rows) => (
          <>
            {rows.length === 0 ? (
              <p role="status">{t('assess.queueEmpty')}</p>
            ) : (
              <DataTable
                caption={t('assess.queueCaption')}
                testId="intake-queue"
                rows={rows}
                rowKey={(r) => r.id}
                rowProps={(r) => ({ 'data-application-id': r.id })}
                columns={[
                  {
                    header: t('assess.col.reference'),
                    rowHeader: true,
                    cell: (r) => <IntakeLink id={r.id} reference={r.referenceNumber} />,
                  },
                  {
                    header: t('assess.col.organisation'),
                    cell: (r) => (
                      <>
                        {pick(r.organisationNameEn, r.organisationNameFr)}
                        <br />
                        <small>{r.organisationVerifiedAt ? t('assess.verified') : t('assess.notVerified')}</small>
                      </>
                    ),
                  },
                  { header: t('assess.col.title'), cell: (r) => r.title },
                  showCall && { header: t('assess.col.call'), cell: (r) => pick(r.callTitleEn, r.callTitleFr) },
                  { header: t('assess.col.province'), cell: (r) => t(`province.${r.provinceOrTerritory}`) },
                  { header: t('assess.col.submitted'), cell: (r) => (r.submittedAt ? formatDate(r.submittedAt) : '') },
                  { header: t('assess.col.requested'), cell: (r) => (r.requestedAmountCents !== null ? formatMoney(r.requestedAmountCents) : '') },
                  { header: t('assess.col.status'), cell: (r) => t(`status.application.${r.status}`) },
                ]}
              />
            )}
            {[...new Map(rows.map((r) => [r.callId, pick(r.callTitleEn, r.callTitleFr)])).entries()].map(([callId, title]) => (
              <CallPanel key={callId} callId={callId} title={title} />
            ))}
          </>
        )}
      </QueryView>
    </>
  );
}

function FilterSelect({ id, label, value, onChange, children }: { id: string; label: string; value: string; onChange(value: string): void; children: ReactNode }) {
  const { t, lang } = useT();
  return (
    <GcdsSelect key={`${id}-${lang}`} selectId={id} name={id} label={label} value={value} validateOn="other" onGcdsChange={(event) => onChange(event.detail)}>
      <option value="">{t('assess.filter.any')}</option>
      {children}
    </GcdsSelect>
  );
}

/** One call's ranking and service standards. */
function CallPanel({ callId, title }: { callId: string; title: string }) {
  const { t, pick } = useT();
  const ranking = useQuery(trpc.assessment.ranking.queryOptions({ callId }));
  const standards = useQuery(trpc.assessment.serviceStandards.queryOptions({ callId }));
  const headingId = `call-${callId}`;
  return (
    <section aria-labelledby={headingId} className="tp-section" data-call-panel={callId}>
      <GcdsHeading tag="h2" id={headingId}>
        {t('assess.callPanel', { call: title })}
      </GcdsHeading>
      <h3>{t('assess.ranking')}</h3>
      <QueryView query={ranking}>
        {(list) => (
          <DataTable
            caption={t('assess.rankingCaption')}
            testId="ranking"
            rows={list}
            rowKey={(r) => r.id}
            rowProps={(r) => ({ 'data-ranked-id': r.id })}
            empty={t('assess.rankingEmpty')}
            columns={[
              { header: t('assess.col.rank'), cell: (r) => r.rank ?? '—' },
              {
                header: t('assess.col.reference'),
                rowHeader: true,
                cell: (r) => <IntakeLink id={r.id} reference={r.referenceNumber} />,
              },
              { header: t('assess.col.organisation'), cell: (r) => pick(r.organisationNameEn, r.organisationNameFr) },
              { header: t('assess.col.average'), cell: (r) => (r.averageScore === null ? t('assess.notScored') : t('assess.score100', { score: r.averageScore })) },
              { header: t('assess.col.reviewers'), cell: (r) => r.reviewers },
              {
                header: t('assess.col.spread'),
                cell: (r) => (r.spread === null ? '—' : r.spreadAlert ? <strong>{t('assess.spreadAlert', { points: r.spread })}</strong> : t('assess.points', { points: r.spread })),
              },
              { header: t('assess.col.status'), cell: (r) => t(`status.application.${r.status}`) },
            ]}
          />
        )}
      </QueryView>
      <h3>{t('assess.standards')}</h3>
      <QueryView query={standards}>
        {(s) => (
          <dl className="tp-facts" data-testid="service-standards">
            <dt>{t('assess.standardSubmitted')}</dt>
            <dd>{s.submitted}</dd>
            <dt>{t('assess.standardAck', { days: s.standards.acknowledgementDays })}</dt>
            <dd>
              {s.averageDaysToAcknowledge === null
                ? t('assess.standardAckLineNoAverage', { acknowledged: s.acknowledged, within: s.acknowledgedWithinStandard })
                : t('assess.standardAckLine', { acknowledged: s.acknowledged, within: s.acknowledgedWithinStandard, average: s.averageDaysToAcknowledge })}
            </dd>
            <dt>{t('assess.standardDecision', { days: s.standards.decisionDays })}</dt>
            <dd>
              {s.averageDaysToDecision === null
                ? t('assess.standardDecisionLineNoAverage', { decided: s.decided, within: s.decidedWithinStandard })
                : t('assess.standardDecisionLine', { decided: s.decided, within: s.decidedWithinStandard, average: s.averageDaysToDecision })}
            </dd>
            <dt>{t('assess.standardOverdue')}</dt>
            <dd>{s.overdue}</dd>
          </dl>
        )}
      </QueryView>
    </section>
  );
}

/** An application's reference number (or that it has none yet), linking to its intake page. */
function IntakeLink({ id, reference }: { id: string; reference: string | null }) {
  const { t } = useT();
  return (
    <Link to="/intake/$applicationId" params={{ applicationId: id }} className="tp-link">
      {reference ?? t('assess.noReference')}
    </Link>
  );
}
