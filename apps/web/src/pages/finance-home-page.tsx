import { useQuery } from '@tanstack/react-query';
import { DataTable } from '../components/data-table';
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
            <DataTable
              caption={t('finance.caption')}
              rows={years}
              rowKey={(year) => year.label}
              rowProps={(year) => (year.label === current ? { className: 'tp-current', 'aria-current': 'date' } : {})}
              columns={[
                {
                  header: t('finance.year'),
                  rowHeader: true,
                  cell: (year) => (
                    <>
                      {year.label}
                      {year.label === current ? <strong className="tp-badge">{t('finance.current')}</strong> : null}
                    </>
                  ),
                },
                { header: t('finance.start'), cell: (year) => formatDate(year.startDate) },
                { header: t('finance.end'), cell: (year) => formatDate(year.endDate) },
                { header: t('finance.status'), cell: (year) => (year.status === 'closed' ? t('fiscalYearStatus.closed') : t('fiscalYearStatus.open')) },
              ]}
            />
          </>
        )}
      </QueryView>
    </RoleGate>
  );
}
