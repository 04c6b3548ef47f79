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
              <div className="tp-table-wrap">
                <table className="tp-table" data-testid="intake-queue">
                  <caption>{t('assess.queueCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('assess.col.reference')}</th>
                      <th scope="col">{t('assess.col.organisation')}</th>
                      <th scope="col">{t('assess.col.title')}</th>
                      {showCall ? <th scope="col">{t('assess.col.call')}</th> : null}
                      <th scope="col">{t('assess.col.province')}</th>
                      <th scope="col">{t('assess.col.submitted')}</th>
                      <th scope="col">{t('assess.col.requested')}</th>
                      <th scope="col">{t('assess.col.status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.id} data-application-id={r.id}>
                        <th scope="row">
                          <Link to="/intake/$applicationId" params={{ applicationId: r.id }} className="tp-link">
                            {r.referenceNumber ?? t('assess.noReference')}
                          </Link>
                        </th>
                        <td>
                          {pick(r.organisationNameEn, r.organisationNameFr)}
                          <br />
                          <small>{r.organisationVerifiedAt ? t('assess.verified') : t('assess.notVerified')}</small>
                        </td>
                        <td>{r.title}</td>
                        {showCall ? <td>{pick(r.callTitleEn, r.callTitleFr)}</td> : null}
                        <td>{t(`province.${r.provinceOrTerritory}`)}</td>
                        <td>{r.submittedAt ? formatDate(r.submittedAt) : ''}</td>
                        <td>{r.requestedAmountCents !== null ? formatMoney(r.requestedAmountCents) : ''}</td>
                        <td>{t(`status.application.${r.status}`)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
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
        {(list) =>
          list.length === 0 ? (
            <p>{t('assess.rankingEmpty')}</p>
          ) : (
            <div className="tp-table-wrap">
              <table className="tp-table" data-testid="ranking">
                <caption>{t('assess.rankingCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('assess.col.rank')}</th>
                    <th scope="col">{t('assess.col.reference')}</th>
                    <th scope="col">{t('assess.col.organisation')}</th>
                    <th scope="col">{t('assess.col.average')}</th>
                    <th scope="col">{t('assess.col.reviewers')}</th>
                    <th scope="col">{t('assess.col.spread')}</th>
                    <th scope="col">{t('assess.col.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((r) => (
                    <tr key={r.id} data-ranked-id={r.id}>
                      <td>{r.rank ?? '—'}</td>
                      <th scope="row">
                        <Link to="/intake/$applicationId" params={{ applicationId: r.id }} className="tp-link">
                          {r.referenceNumber ?? t('assess.noReference')}
                        </Link>
                      </th>
                      <td>{pick(r.organisationNameEn, r.organisationNameFr)}</td>
                      <td>{r.averageScore === null ? t('assess.notScored') : t('assess.score100', { score: r.averageScore })}</td>
                      <td>{r.reviewers}</td>
                      <td>
                        {r.spread === null ? '—' : r.spreadAlert ? <strong>{t('assess.spreadAlert', { points: r.spread })}</strong> : t('assess.points', { points: r.spread })}
                      </td>
                      <td>{t(`status.application.${r.status}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
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
