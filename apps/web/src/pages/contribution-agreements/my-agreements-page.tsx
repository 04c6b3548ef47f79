/** The recipient's agreements and what is due under them (/my-agreements). */
import { useQuery } from '@tanstack/react-query';
import { DataTable } from '../../components/data-table';
import { PageHeading, SectionHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { RoleGate } from '../../components/role-gate';
import { useT } from '../../i18n/language';
import { trpc } from '../../lib/trpc';
import { AgreementLink } from './agreement-link';

export function MyAgreementsPage() {
  const { t, formatMoney, formatDate } = useT();
  const mine = useQuery(trpc.agreements.mine.queryOptions());
  return (
    <RoleGate role="recipient">
      <PageHeading title={t('ca.my.title')} intro={t('ca.my.intro')} />
      <QueryView query={mine}>
        {(m) => (
          <>
            <DataTable
              caption={t('ca.my.caption')}
              testId="my-agreements"
              rows={m.agreements}
              rowKey={(x) => x.id}
              empty={t('ca.my.empty')}
              columns={[
                { header: t('ca.col.reference'), cell: (x) => <AgreementLink id={x.id} reference={x.referenceNumber} /> },
                { header: t('ca.col.title'), cell: (x) => x.title },
                { header: t('ca.col.total'), cell: (x) => formatMoney(x.totalCents) },
                { header: t('ca.col.term'), cell: (x) => `${formatDate(x.startDate)} – ${formatDate(x.endDate)}` },
                { header: t('ca.col.status'), cell: (x) => t(`status.agreement.${x.status}`) },
              ]}
            />
            <section aria-labelledby="my-due" className="tp-section">
              <SectionHeading id="my-due">{t('ca.my.due')}</SectionHeading>
              <DataTable
                caption={t('ca.my.dueCaption')}
                rows={m.obligations}
                rowKey={(o, i) => `${o.agreementId}-${i}`}
                empty={t('ca.obligations.none')}
                columns={[
                  { header: t('ca.col.due'), cell: (o) => (o.dueDate ? formatDate(o.dueDate) : '') },
                  { header: t('ca.col.what'), cell: (o) => t(`ca.obligation.${o.kind}`, { label: o.label }) },
                  { header: t('ca.col.reference'), cell: (o) => <AgreementLink id={o.agreementId} reference={o.referenceNumber} /> },
                ]}
              />
            </section>
          </>
        )}
      </QueryView>
    </RoleGate>
  );
}
