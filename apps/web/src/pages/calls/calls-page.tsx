import { CALL_EDITORS, CALL_READERS, DEPARTMENT_ROLES, holds } from '@tp/domain';
/**
 * /calls: staff see every call with its status (officers and administrators start new ones);
 * recipients see the published calls open now, each with the time left until it closes.
 */
import { GcdsHeading } from '@cdssnc/gcds-components-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { DataTable } from '../../components/data-table';
import { PageHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { useT } from '../../i18n/language';
import { useSession } from '../../lib/session';
import { trpc } from '../../lib/trpc';
import { AnyRoleGate, useHasAnyRole } from '../../components/role-gate';
import './programs.css';
import { formatTorontoDateTime, timeLeft } from './toronto-time';


export function CallsPage() {
  const { t } = useT();
  const session = useSession();
  const isStaff = Boolean(session.data && holds(session.data, DEPARTMENT_ROLES));
  return (
    <AnyRoleGate roles={CALL_READERS}>
      <PageHeading title={t('calls.title')} intro={isStaff ? t('calls.staffIntro') : t('calls.recipientIntro')} />
      {isStaff ? <StaffCalls /> : <OpenCalls />}
    </AnyRoleGate>
  );
}

/** The current time, ticking every minute (for countdowns). */
export function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/** "12 days and 3 hours left (closes January 15, 2027 at 5:00 p.m. Eastern Time)". */
export function Countdown({ closesAt }: { closesAt: Date }) {
  const { t, locale } = useT();
  const now = useNow();
  const left = timeLeft(closesAt, now);
  // Intl writes the units with their plural ("1 day", "20 days"; "1 jour", "20 jours") and joins them with "and" / "et".
  const unit = (value: number, u: 'day' | 'hour' | 'minute') => new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'long' }).format(value);
  const parts = left.days > 0 ? [unit(left.days, 'day'), unit(left.hours, 'hour')] : left.hours > 0 ? [unit(left.hours, 'hour'), unit(left.minutes, 'minute')] : [unit(left.minutes, 'minute')];
  const text = t('calls.countdown', { left: new Intl.ListFormat(locale, { type: 'conjunction' }).format(parts) });
  return (
    <p className="tp-countdown" data-testid="countdown">
      {text} {t('calls.closesAtZone', { date: formatTorontoDateTime(closesAt, locale) })}
    </p>
  );
}

function StaffCalls() {
  const { t, pick, locale, formatMoney } = useT();
  const canEdit = useHasAnyRole(CALL_EDITORS);
  const calls = useQuery(trpc.calls.list.queryOptions());
  return (
    <>
      {canEdit ? (
        <p>
          <Link to="/calls/new" className="tp-link tp-button-link">
            {t('calls.new')}
          </Link>
        </p>
      ) : null}
      <QueryView query={calls}>
        {({ calls: list }) => (
          <DataTable
            caption={t('calls.tableCaption')}
            rows={list}
            rowKey={(call) => call.id}
            rowProps={(call) => ({ 'data-call-title': call.titleEn })}
            empty={t('calls.none')}
            footnote={<p>{t('calls.timeZoneNote')}</p>}
            columns={[
              {
                header: t('calls.field.title'),
                rowHeader: true,
                cell: (call) => (
                  <Link to="/calls/$callId" params={{ callId: call.id }} className="tp-link">
                    {pick(call.titleEn, call.titleFr)}
                  </Link>
                ),
              },
              { header: t('calls.field.program'), cell: (call) => pick(call.programNameEn, call.programNameFr) },
              {
                header: t('calls.status'),
                cell: (call) => (
                  <>
                    <span className="tp-badge">{t(`calls.status.${call.status}`)}</span>
                    {call.isOpen ? ` ${t('calls.openNow')}` : ''}
                  </>
                ),
              },
              { header: t('calls.field.opensAt'), cell: (call) => formatTorontoDateTime(call.opensAt, locale) },
              { header: t('calls.field.closesAt'), cell: (call) => formatTorontoDateTime(call.closesAt, locale) },
              { header: t('calls.amounts'), cellProps: () => ({ className: 'tp-num' }), cell: (call) => `${formatMoney(call.minAmountCents)} – ${formatMoney(call.maxAmountCents)}` },
            ]}
          />
        )}
      </QueryView>
    </>
  );
}

function OpenCalls() {
  const { t, pick, locale, formatMoney } = useT();
  const calls = useQuery(trpc.calls.list.queryOptions());
  return (
    <QueryView query={calls}>
      {({ calls: list }) => {
        const open = list.filter((c) => c.isOpen);
        const soon = list.filter((c) => !c.isOpen && c.status === 'published');
        return (
          <>
            <section aria-labelledby="open-calls" className="tp-section">
              <GcdsHeading tag="h2" id="open-calls">
                {t('calls.openCalls')}
              </GcdsHeading>
              {open.length === 0 ? <p>{t('calls.noneOpen')}</p> : null}
              {open.map((call) => (
                <article key={call.id} className="tp-card" data-call-id={call.id}>
                  <h3>
                    <Link to="/calls/$callId" params={{ callId: call.id }} className="tp-link">
                      {pick(call.titleEn, call.titleFr)}
                    </Link>
                  </h3>
                  <Countdown closesAt={call.closesAt} />
                  <dl className="tp-facts">
                    <dt>{t('calls.field.program')}</dt>
                    <dd>{pick(call.programNameEn, call.programNameFr)}</dd>
                    <dt>{t('calls.amounts')}</dt>
                    <dd>
                      {formatMoney(call.minAmountCents)} – {formatMoney(call.maxAmountCents)}
                    </dd>
                    {call.priorities.length > 0 ? (
                      <>
                        <dt>{t('calls.field.priorities')}</dt>
                        <dd>{call.priorities.map((p) => t(`calls.priority.${p}`)).join(', ')}</dd>
                      </>
                    ) : null}
                  </dl>
                </article>
              ))}
            </section>
            {soon.length > 0 ? (
              <section aria-labelledby="soon-calls" className="tp-section">
                <GcdsHeading tag="h2" id="soon-calls">
                  {t('calls.openingSoon')}
                </GcdsHeading>
                <ul className="tp-list">
                  {soon.map((call) => (
                    <li key={call.id}>
                      <Link to="/calls/$callId" params={{ callId: call.id }} className="tp-link">
                        {pick(call.titleEn, call.titleFr)}
                      </Link>{' '}
                      {t('calls.opensAtZone', { date: formatTorontoDateTime(call.opensAt, locale) })}
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
          </>
        );
      }}
    </QueryView>
  );
}
