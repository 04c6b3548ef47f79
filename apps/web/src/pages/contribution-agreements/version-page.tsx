/** A version of an agreement beside the one it amended (/agreements/$id/versions/$version), section by section. */
import { TERMS_SECTIONS, type AgreementTerms, type TermsSection } from '@tp/domain';
import type { MessageKey } from '@tp/i18n/web';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { DataTable } from '../../components/data-table';
import { PageHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { useT } from '../../i18n/language';
import { trpc } from '../../lib/trpc';
import { useAgreement } from './use-agreement';

interface Names {
  streams: Map<string, { nameEn: string; nameFr: string }>;
  pillars: Map<string, { nameEn: string; nameFr: string }>;
}

function describeSection(terms: AgreementTerms, section: TermsSection, t: ReturnType<typeof useT>, names: Names): string {
  const { formatMoney, formatDate, t: tr, pick } = t;
  const name = (n: { nameEn: string; nameFr: string } | undefined, fallback: string) => (n ? pick(n.nameEn, n.nameFr) : fallback);
  switch (section) {
    case 'streamId':
      return terms.streamId ? name(names.streams.get(terms.streamId), terms.streamId) : tr('ca.form.noStream');
    case 'paymentBasis':
      return tr(`ca.basis.${terms.paymentBasis}`);
    case 'advanceFrequency':
      return terms.advanceFrequency ? tr(`ca.frequency.${terms.advanceFrequency}`) : '';
    case 'reportingFrequency':
      return tr(`ca.frequency.${terms.reportingFrequency}`);
    case 'riskLevel':
      return tr(`ca.risk.${terms.riskLevel}`);
    case 'totalCents':
      return formatMoney(terms.totalCents);
    case 'fiscalYears':
      return terms.fiscalYears.map((y) => `${y.fiscalYear}: ${formatMoney(y.amountCents)}`).join('; ');
    case 'budget':
      return terms.budget.map((b) => `${b.fiscalYear} ${tr(`apply.cost.${b.category}` as MessageKey)}: ${formatMoney(b.amountCents)}`).join('; ');
    case 'holdback':
      return terms.holdback.kind === 'percent' ? `${Number(terms.holdback.basisPoints) / 100} %` : formatMoney(terms.holdback.cents);
    case 'startDate':
    case 'endDate':
      return formatDate(terms[section]);
    case 'milestones':
      return terms.milestones.map((m) => `${m.title} (${formatDate(m.dueDate)}${m.paymentCents !== null ? `, ${formatMoney(m.paymentCents)}` : ''})`).join('; ');
    case 'indicators':
      return terms.indicators.map((i) => i.targetValue).join('; ');
    case 'otherFunding':
      return terms.otherFunding.map((f) => `${f.source}: ${formatMoney(f.amountCents)}`).join('; ');
    case 'pillarIds':
      return terms.pillarIds.map((id) => name(names.pillars.get(id), id)).join('; ');
    default:
      return String(terms[section] ?? '');
  }
}

export function VersionPage({ agreementId, version }: { agreementId: string; version: number }) {
  const tr = useT();
  const { t } = tr;
  const agreement = useAgreement(agreementId);
  const v = useQuery(trpc.agreements.version.queryOptions({ agreementId, version }));
  const programs = useQuery(trpc.program.list.queryOptions());
  const program = programs.data?.find((p) => p.id === agreement.data?.program.id);
  const names: Names = {
    streams: new Map((program?.streams ?? []).map((x) => [x.id, x])),
    pillars: new Map((program?.pillars ?? []).map((x) => [x.id, x])),
  };
  return (
    <QueryView query={v}>
      {(data) => (
        <>
          <PageHeading title={t('ca.version.title', { version, reference: agreement.data?.referenceNumber ?? '' })} intro={t('ca.version.intro', { status: t(`ca.versionStatus.${data.version.status}`), kind: data.kind ? t(`ca.version.kind.${data.kind}`) : '' })} />
          {data.version.reason ? <p>{t('ca.version.reason', { reason: data.version.reason })}</p> : null}
          {data.version.decisionNote ? <p>{t('ca.version.note', { note: data.version.decisionNote })}</p> : null}
          <p>
            <Link to="/agreements/$agreementId" params={{ agreementId }} className="tp-link">
              {agreement.data?.referenceNumber ?? ''}
            </Link>
          </p>
          <DataTable
            caption={t('ca.version.caption', { previous: data.version.basedOnVersion ?? version, version })}
            testId="version-comparison"
            rows={TERMS_SECTIONS}
            rowKey={(s) => s}
            rowProps={(s) => (data.changed.includes(s) ? { 'data-changed': 'yes', className: 'tp-changed' } : { 'data-changed': 'no', className: '' })}
            columns={[
              { key: 'section', header: t('ca.version.section'), rowHeader: true, cell: (s) => t(`ca.section.${s}`) },
              { key: 'before', header: t('ca.version.before', { version: data.version.basedOnVersion ?? version }), cell: (s) => (data.previous ? describeSection(data.previous, s, tr, names) : '') },
              { key: 'after', header: t('ca.version.before', { version }), cell: (s) => describeSection(data.terms, s, tr, names) },
              { key: 'changed', header: '', cell: (s) => (data.changed.includes(s) ? <strong>{t('ca.version.changed')}</strong> : t('ca.version.unchanged')) },
            ]}
          />
        </>
      )}
    </QueryView>
  );
}
