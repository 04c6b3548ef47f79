/**
 * What waits for the viewer's signature, on the officer's and the manager's home: agreements
 * signed by their recipient and amendments, each routed to the lowest position whose limit covers
 * it (delegation.queue). A deputy head sees here what is above a program manager's limit.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { DataTable } from '../../components/data-table';
import { SectionHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { useT } from '../../i18n/language';
import { trpc } from '../../lib/trpc';

export function SignatureQueue() {
  const { t, pick, formatMoney, formatDate } = useT();
  const queue = useQuery(trpc.delegation.queue.queryOptions({}));
  return (
    <section aria-labelledby="signature-queue" className="tp-section" data-testid="signature-queue">
      <SectionHeading id="signature-queue">{t('queue.signatures', { count: queue.data?.length ?? 0 })}</SectionHeading>
      <p>{t('queue.signaturesIntro')}</p>
      <QueryView query={queue}>
        {(rows) => (
          <DataTable
            caption={t('queue.signaturesCaption')}
            className="tp-table-money"
            rows={rows}
            rowKey={(r) => `${r.agreementId}-${r.version}`}
            empty={t('queue.none')}
            columns={[
              {
                header: t('results.col.agreement'),
                rowHeader: true,
                cell: (r) => (
                  <Link to="/agreements/$agreementId" params={{ agreementId: r.agreementId }} className="tp-link">
                    {r.referenceNumber}
                  </Link>
                ),
              },
              { header: t('results.col.organisation'), cell: (r) => pick(r.organisationNameEn, r.organisationNameFr) },
              { header: t('queue.col.kind'), cell: (r) => (r.kind === 'signature' ? t('queue.kind.signature') : t('queue.kind.amendment', { version: r.version })) },
              { header: t('queue.col.amount'), numeric: true, cell: (r) => formatMoney(r.amountCents) },
              { header: t('queue.col.since'), cell: (r) => formatDate(r.since) },
            ]}
          />
        )}
      </QueryView>
    </section>
  );
}
