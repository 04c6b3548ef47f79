/** The signed-in recipient's applications: call, title, status, reference number and submission date. */
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { PageHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { RoleGate } from '../../components/role-gate';
import { useT } from '../../i18n/language';
import { trpc } from '../../lib/trpc';

export function MyApplicationsPage() {
  const { t } = useT();
  return (
    <RoleGate role="recipient">
      <PageHeading title={t('applications.title')} intro={t('applications.intro')} />
      <ApplicationsTable />
    </RoleGate>
  );
}

function ApplicationsTable() {
  const { t, pick, formatDate, formatMoney } = useT();
  const list = useQuery(trpc.applications.mine.queryOptions());
  return (
    <QueryView query={list}>
      {(rows) =>
        rows.length === 0 ? (
          <p>
            {t('applications.none')}{' '}
            <Link to="/calls" className="tp-link">
              {t('applications.seeCalls')}
            </Link>
          </p>
        ) : (
          <div className="tp-table-wrap">
            <table className="tp-table" data-testid="applications">
              <caption>{t('applications.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('applications.titleColumn')}</th>
                  <th scope="col">{t('applications.call')}</th>
                  <th scope="col">{t('applications.status')}</th>
                  <th scope="col">{t('applications.amount')}</th>
                  <th scope="col">{t('applications.reference')}</th>
                  <th scope="col">{t('applications.submittedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id} data-application-id={row.id}>
                    <th scope="row">
                      <Link to="/applications/$applicationId" params={{ applicationId: row.id }} className="tp-link">
                        {row.title || t('apply.untitled')}
                      </Link>
                    </th>
                    <td>{pick(row.callTitleEn, row.callTitleFr)}</td>
                    <td>{t(`status.application.${row.status}`)}</td>
                    <td>{row.requestedAmountCents === null ? t('common.none') : formatMoney(row.requestedAmountCents)}</td>
                    <td style={{ whiteSpace: 'nowrap' }}>{row.referenceNumber ?? t('common.none')}</td>
                    <td>{row.submittedAt ? formatDate(row.submittedAt) : t('applications.notSubmitted')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      }
    </QueryView>
  );
}
