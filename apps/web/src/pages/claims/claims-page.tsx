/** /claims: a recipient's claims and, for each active agreement, a link to a new claim; for staff, the queues (to certify, to release, recently paid) with the service standard. */
import { GcdsHeading } from '@cdssnc/gcds-components-react';
import { type ClaimKind, PAYMENT_SERVICE_STANDARD_DAYS, RECIPIENTS } from '@tp/domain';
import type { MessageKey } from '@tp/i18n/web';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { DataTable } from '../../components/data-table';
import { PageHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { useHasAnyRole } from '../../components/role-gate';
import { useT } from '../../i18n/language';
import { trpc } from '../../lib/trpc';

// ---------------------------------------------------------------------------------------------
// /claims

export function ClaimsPage() {
  const isRecipient = useHasAnyRole(RECIPIENTS);
  return isRecipient ? <RecipientClaims /> : <StaffClaims />;
}

function ClaimsTable({ rows, caption, testId }: { rows: { id: string; referenceNumber: string; agreementReference: string; legalNameEn: string; legalNameFr: string; kind: ClaimKind; fiscalYear: string; requestedCents: bigint; status: string; submittedAt: Date; daysToPayment: number | null }[]; caption: string; testId: string }) {
  const { t, pick, formatMoney, formatDate } = useT();
  return (
    <DataTable
      caption={caption}
      testId={testId}
      rows={rows}
      rowKey={(c) => c.id}
      empty={t('claims.queue.none')}
      columns={[
        {
          header: t('fin.col.claim'),
          cell: (c) => (
            <>
              <Link to="/claims/$claimId" params={{ claimId: c.id }} className="tp-link">
                {c.referenceNumber}
              </Link>
              <br />
              <small>{c.agreementReference}</small>
            </>
          ),
        },
        { header: t('fin.col.organisation'), cell: (c) => pick(c.legalNameEn, c.legalNameFr) },
        { header: t('fin.col.kind'), cell: (c) => t(`claim.kind.${c.kind}`) },
        { header: t('fin.col.fiscalYear'), cell: (c) => c.fiscalYear },
        { header: t('fin.col.requested'), cell: (c) => formatMoney(c.requestedCents) },
        { header: t('fin.col.submitted'), cell: (c) => formatDate(c.submittedAt) },
        { header: t('fin.col.status'), cell: (c) => t(`status.claim.${c.status}` as MessageKey) },
        { header: t('fin.col.daysToPayment'), cell: (c) => c.daysToPayment ?? '' },
      ]}
    />
  );
}

function RecipientClaims() {
  const { t } = useT();
  const claims = useQuery(trpc.claims.list.queryOptions({}));
  const agreements = useQuery(trpc.agreements.mine.queryOptions());
  return (
    <>
      <PageHeading title={t('claims.my.title')} intro={t('claims.my.intro')} />
      <QueryView query={agreements}>
        {(a) => (
          <ul>
            {a.agreements
              .filter((x) => x.status === 'active')
              .map((x) => (
                <li key={x.id}>
                  <Link to="/claims/new" search={{ agreementId: x.id }} className="tp-link">
                    {t('claims.my.new', { reference: x.referenceNumber })}
                  </Link>{' '}
                  <small>{x.title}</small>
                </li>
              ))}
          </ul>
        )}
      </QueryView>
      <QueryView query={claims}>{(rows) => (rows.length === 0 ? <p>{t('claims.my.empty')}</p> : <ClaimsTable rows={rows} caption={t('claims.my.caption')} testId="my-claims" />)}</QueryView>
    </>
  );
}

function StaffClaims() {
  const { t } = useT();
  const toCertify = useQuery(trpc.claims.list.queryOptions({ status: 'submitted' }));
  const toRelease = useQuery(trpc.claims.list.queryOptions({ status: 'certified' }));
  const paid = useQuery(trpc.claims.list.queryOptions({ status: 'paid' }));
  return (
    <>
      <PageHeading title={t('claims.queue.title')} intro={t('claims.queue.standard', { days: PAYMENT_SERVICE_STANDARD_DAYS })} />
      <section aria-labelledby="to-certify" className="tp-section">
        <GcdsHeading tag="h2" id="to-certify">
          {t('claims.queue.toCertify')}
        </GcdsHeading>
        <QueryView query={toCertify}>{(rows) => <ClaimsTable rows={rows} caption={t('claims.queue.toCertify')} testId="claims-to-certify" />}</QueryView>
      </section>
      <section aria-labelledby="to-release" className="tp-section">
        <GcdsHeading tag="h2" id="to-release">
          {t('claims.queue.toRelease')}
        </GcdsHeading>
        <QueryView query={toRelease}>{(rows) => <ClaimsTable rows={rows} caption={t('claims.queue.toRelease')} testId="claims-to-release" />}</QueryView>
      </section>
      <section aria-labelledby="recent" className="tp-section">
        <GcdsHeading tag="h2" id="recent">
          {t('claims.queue.recent')}
        </GcdsHeading>
        <QueryView query={paid}>{(rows) => <ClaimsTable rows={rows.slice(0, 20)} caption={t('claims.queue.recent')} testId="claims-paid" />}</QueryView>
      </section>
    </>
  );
}

