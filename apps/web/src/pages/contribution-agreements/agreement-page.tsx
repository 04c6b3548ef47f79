/** The agreement (/agreements/$id): its terms, schedules, signatures and versions, with the actions the reader may take. */
import type { MessageKey } from '@tp/i18n/web';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { DataTable } from '../../components/data-table';
import { SuccessNotice } from '../../components/notices';
import { PageHeading, SectionHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { useT } from '../../i18n/language';
import { queryClient, trpc } from '../../lib/trpc';
import { DisclosureTextsForm } from './disclosure-texts-form';
import { AgreementActions } from './agreement-actions';
import { type Agreement, useAgreement } from './use-agreement';

export function AgreementPage({ agreementId }: { agreementId: string }) {
  const agreement = useAgreement(agreementId);
  return <QueryView query={agreement}>{(a) => <AgreementView agreement={a} />}</QueryView>;
}

function AgreementView({ agreement: a }: { agreement: Agreement }) {
  const { t, pick, formatMoney, formatDate } = useT();
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = async (message: string) => {
    setNotice(message);
    await queryClient.invalidateQueries({ queryKey: trpc.agreements.get.queryKey({ agreementId: a.id }) });
  };
  const terms = a.terms;
  const officialLanguage = a.organisation.officialLanguage;
  const other = officialLanguage === 'fr' ? 'en' : 'fr';
  return (
    <>
      <PageHeading
        title={t('ca.view.title', { reference: a.referenceNumber })}
        intro={t('ca.view.summary', { organisation: pick(a.organisation.legalNameEn, a.organisation.legalNameFr), program: pick(a.program.nameEn, a.program.nameFr), template: t(`ca.template.${a.template}`), version: a.currentVersion })}
      />
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
      <p>
        <strong data-testid="agreement-status">{t('ca.view.status', { status: t(`status.agreement.${a.status}`) })}</strong>
      </p>
      <ul>
        <li>
          <a className="tp-link" href={`/agreements/${a.id}/pdf?lang=${officialLanguage}`} data-testid="agreement-pdf">
            {t('ca.view.pdf', { language: t(`ca.lang.${officialLanguage}`) })}
          </a>
        </li>
        <li>
          <a className="tp-link" href={`/agreements/${a.id}/pdf?lang=${other}`}>
            {t('ca.view.pdf', { language: t(`ca.lang.${other}`) })}
          </a>
        </li>
        {a.status === 'active' || a.status === 'closed' ? (
          <>
            <li>
              <Link to="/agreements/$agreementId/progress" params={{ agreementId: a.id }} className="tp-link">
                {t('ca.view.progress')}
              </Link>
            </li>
            <li>
              <Link to="/agreements/$agreementId/journal" params={{ agreementId: a.id }} className="tp-link">
                {t('ca.view.journal')}
              </Link>
            </li>
          </>
        ) : null}
      </ul>
      <AgreementActions agreement={a} onDone={refresh} />

      <section aria-labelledby="view-project" className="tp-section">
        <SectionHeading id="view-project">{t('ca.view.project')}</SectionHeading>
        <p>
          <strong>{terms.title}</strong>
        </p>
        {terms.description ? <p className="tp-pre">{terms.description}</p> : null}
        <p>{t('ca.view.term', { start: formatDate(terms.startDate), end: formatDate(terms.endDate) })}</p>
        <p data-testid="agreement-total">{t('ca.view.total', { total: formatMoney(terms.totalCents) })}</p>
      </section>
      <section aria-labelledby="view-disclosure" className="tp-section">
        <SectionHeading id="view-disclosure">{t('ca.view.disclosure')}</SectionHeading>
        <p>{t('ca.view.disclosureIntro')}</p>
        <dl className="tp-facts" data-testid="agreement-disclosure">
          {(['titleFr', 'descriptionFr', 'expectedResultsEn', 'expectedResultsFr'] as const).flatMap((k) => [
            <dt key={`${k}-name`}>{t(`ca.section.${k}`)}</dt>,
            <dd key={`${k}-value`} className="tp-pre">
              {terms[k]?.trim() ? terms[k] : t('ca.view.notWritten')}
            </dd>,
          ])}
        </dl>
        {a.allowedActions.includes('writeDisclosure') ? <DisclosureTextsForm agreementId={a.id} initial={terms} onDone={refresh} /> : null}
      </section>
      <section aria-labelledby="view-years" className="tp-section">
        <SectionHeading id="view-years">{t('ca.view.years')}</SectionHeading>
        <DataTable
          caption={t('ca.view.yearsCaption')}
          testId="agreement-years"
          rows={terms.fiscalYears}
          rowKey={(y) => y.fiscalYear}
          columns={[
            { header: t('ca.view.col.fiscalYear'), rowHeader: true, cell: (y) => y.fiscalYear },
            { header: t('ca.view.col.amount'), cell: (y) => formatMoney(y.amountCents) },
            { header: t('ca.view.col.paid'), cell: (y) => formatMoney(a.paidByFiscalYear[y.fiscalYear] ?? 0n) },
          ]}
        />
        <DataTable
          caption={t('ca.view.budgetCaption')}
          rows={terms.budget}
          rowKey={(b) => `${b.fiscalYear}-${b.category}`}
          columns={[
            { header: t('ca.view.col.fiscalYear'), cell: (b) => b.fiscalYear },
            { header: t('ca.view.col.category'), cell: (b) => t(`apply.cost.${b.category}` as MessageKey) },
            { header: t('ca.view.col.amount'), cell: (b) => formatMoney(b.amountCents) },
          ]}
        />
      </section>
      <section aria-labelledby="view-payment" className="tp-section">
        <SectionHeading id="view-payment">{t('ca.view.payment')}</SectionHeading>
        <p>{t(`ca.basis.${terms.paymentBasis}`)}</p>
        {a.schedules.advances.length > 0 ? (
          <DataTable
            caption={t('ca.view.advances')}
            rows={a.schedules.advances}
            rowKey={(x) => x.start}
            columns={[
              { header: t('ca.view.col.fiscalYear'), cell: (x) => x.fiscalYear },
              { header: t('ca.view.col.period'), cell: (x) => `${formatDate(x.start)} – ${formatDate(x.end)}` },
              { header: t('ca.view.col.amount'), cell: (x) => formatMoney(x.amountCents) },
            ]}
          />
        ) : null}
        <p>{t('ca.view.holdback', { amount: formatMoney(a.schedules.holdbackCents) })}</p>
        <p>{t('ca.view.risk', { level: t(`ca.risk.${terms.riskLevel}`), reasons: terms.riskReasons })}</p>
      </section>
      <section aria-labelledby="view-reporting" className="tp-section">
        <SectionHeading id="view-reporting">{t('ca.view.reporting', { frequency: t(`ca.frequency.${terms.reportingFrequency}`) })}</SectionHeading>
        <DataTable
          caption={t('ca.view.reporting', { frequency: t(`ca.frequency.${terms.reportingFrequency}`) })}
          testId="reporting-schedule"
          rows={a.schedules.reporting}
          rowKey={(p) => p.start}
          columns={[
            { header: t('ca.view.col.period'), cell: (p) => `${formatDate(p.start)} – ${formatDate(p.end)}` },
            { header: t('ca.col.due'), cell: (p) => formatDate(p.dueDate) },
            { header: t('ca.view.col.final'), cell: (p) => (p.final ? '✓' : '') },
          ]}
        />
      </section>
      {terms.milestones.length > 0 ? (
        <section aria-labelledby="view-milestones" className="tp-section">
          <SectionHeading id="view-milestones">{t('ca.view.milestones')}</SectionHeading>
          <DataTable
            caption={t('ca.view.milestones')}
            rows={terms.milestones}
            rowKey={(m) => m.key ?? m.title}
            columns={[
              {
                header: t('ca.view.col.milestone'),
                cell: (m) => (
                  <>
                    {m.title}
                    {m.deliverables ? <p>{m.deliverables}</p> : null}
                  </>
                ),
              },
              { header: t('ca.col.due'), cell: (m) => formatDate(m.dueDate) },
              { header: t('ca.view.col.payment'), cell: (m) => (m.paymentCents !== null ? formatMoney(m.paymentCents) : '') },
            ]}
          />
        </section>
      ) : null}
      {terms.specialConditions ? (
        <section aria-labelledby="view-conditions" className="tp-section">
          <SectionHeading id="view-conditions">{t('ca.view.conditions')}</SectionHeading>
          <p className="tp-pre">{terms.specialConditions}</p>
        </section>
      ) : null}
      <section aria-labelledby="view-signatures" className="tp-section">
        <SectionHeading id="view-signatures">{t('ca.view.signatures')}</SectionHeading>
        <p data-testid="recipient-signature">{a.recipientSignature ? t('ca.view.recipientSigned', { name: a.recipientSignature.name, title: a.recipientSignature.title, date: formatDate(a.recipientSignature.signedAt) }) : t('ca.view.notSigned')}</p>
        {a.departmentSignature ? <p data-testid="department-signature">{t('ca.view.departmentSigned', { name: a.departmentSignature.name, date: formatDate(a.departmentSignature.signedAt) })}</p> : null}
      </section>
      <section aria-labelledby="view-versions" className="tp-section">
        <SectionHeading id="view-versions">{t('ca.view.versions')}</SectionHeading>
        <DataTable
          caption={t('ca.view.versionsCaption')}
          testId="versions"
          rows={a.versions}
          rowKey={(v) => v.version}
          columns={[
            {
              header: t('ca.view.col.version'),
              cell: (v) => (
                <Link to="/agreements/$agreementId/versions/$version" params={{ agreementId: a.id, version: String(v.version) }} className="tp-link">
                  {t('ca.view.compare', { version: v.version })}
                </Link>
              ),
            },
            { header: t('ca.col.status'), cell: (v) => t(`ca.versionStatus.${v.status}`) },
            { header: t('ca.col.total'), cell: (v) => formatMoney(v.totalCents) },
            { header: t('ca.view.col.reason'), cell: (v) => v.reason ?? '' },
            { header: t('ca.view.col.date'), cell: (v) => formatDate(v.decidedAt ?? v.createdAt) },
            {
              header: '',
              cell: (v) => (
                <a className="tp-link" href={`/agreements/${a.id}/pdf?version=${v.version}`}>
                  {t('ca.view.pdfVersion', { version: v.version })}
                </a>
              ),
            },
          ]}
        />
      </section>
    </>
  );
}
