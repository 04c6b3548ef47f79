/** The signed-in recipient's applications: call, title, status, reference number and submission date. */
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { DataTable } from '../../components/data-table';
import { SuccessNotice } from '../../components/notices';
import { PageHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { RoleGate } from '../../components/role-gate';
import { useT } from '../../i18n/language';
import { queryClient, trpc } from '../../lib/trpc';

export function MyApplicationsPage() {
  const { t } = useT();
  return (
    <RoleGate role="recipient">
      <PageHeading title={t('applications.title')} intro={t('applications.intro')} />
      <Discarded />
      <ApplicationsTable />
    </RoleGate>
  );
}

/** Said once, after a draft was discarded on its own page. */
function Discarded() {
  const { t } = useT();
  const [title] = useState(() => queryClient.getQueryData<string>(['tp-discarded']) ?? null);
  useEffect(() => {
    queryClient.removeQueries({ queryKey: ['tp-discarded'] });
  }, []);
  return title ? <SuccessNotice>{t('apply.discarded', { title })}</SuccessNotice> : null;
}

function ApplicationsTable() {
  const { t, pick, formatDate, formatMoney } = useT();
  const list = useQuery(trpc.applications.mine.queryOptions());
  return (
    <QueryView query={list}>
      {(rows) => (
        <DataTable
          caption={t('applications.caption')}
          testId="applications"
          rows={rows}
          rowKey={(row) => row.id}
          rowProps={(row) => ({ 'data-application-id': row.id })}
          empty={
            <>
              {t('applications.none')}{' '}
              <Link to="/calls" className="tp-link">
                {t('applications.seeCalls')}
              </Link>
            </>
          }
          columns={[
            {
              header: t('applications.titleColumn'),
              rowHeader: true,
              cell: (row) => (
                <Link to="/applications/$applicationId" params={{ applicationId: row.id }} className="tp-link">
                  {row.title || t('apply.untitled')}
                </Link>
              ),
            },
            { header: t('applications.call'), cell: (row) => pick(row.callTitleEn, row.callTitleFr) },
            { header: t('applications.status'), cell: (row) => t(`status.application.${row.status}`) },
            { header: t('applications.amount'), cell: (row) => (row.requestedAmountCents === null ? t('common.none') : formatMoney(row.requestedAmountCents)) },
            { header: t('applications.reference'), cellProps: () => ({ style: { whiteSpace: 'nowrap' } }), cell: (row) => row.referenceNumber ?? t('common.none') },
            { header: t('applications.submittedAt'), cell: (row) => (row.submittedAt ? formatDate(row.submittedAt) : t('applications.notSubmitted')) },
          ]}
        />
      )}
    </QueryView>
  );
}
