import { useQuery } from '@tanstack/react-query';
import { PageHeading } from '../components/page-heading';
import { QueryView } from '../components/query-view';
import { RoleGate } from '../components/role-gate';
import { useT } from '../i18n/language';
import { trpc } from '../lib/trpc';
import { FinanceDashboard } from './dashboards';

export function FinanceHomePage() {
  const { t, formatDate } = useT();
  const fiscalYears = useQuery(trpc.reference.fiscalYears.queryOptions());
  return (
    <RoleGate role="finance_officer">
      <PageHeading title={t('finance.title')} intro={t('finance.intro')} />
      <FinanceDashboard />
      <QueryView query={fiscalYears}>
        {({ current, years }) => (
          <>
            <p>{t('finance.currentYear', { year: current })}</p>
            <table className="tp-table">
              <caption>{t('finance.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('finance.year')}</th>
                  <th scope="col">{t('finance.start')}</th>
                  <th scope="col">{t('finance.end')}</th>
                  <th scope="col">{t('finance.status')}</th>
                </tr>
              </thead>
              <tbody>
                {years.map((year) => {
                  const isCurrent = year.label === current;
                  return (
                    <tr key={year.label} className={isCurrent ? 'tp-current' : undefined} aria-current={isCurrent ? 'date' : undefined}>
                      <th scope="row">
                        {year.label}
                        {isCurrent ? <strong className="tp-badge">{t('finance.current')}</strong> : null}
                      </th>
                      <td>{formatDate(year.startDate)}</td>
                      <td>{formatDate(year.endDate)}</td>
                      <td>{year.status === 'closed' ? t('fiscalYearStatus.closed') : t('fiscalYearStatus.open')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </>
        )}
      </QueryView>
    </RoleGate>
  );
}
