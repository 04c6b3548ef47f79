import { GcdsHeading } from '@cdssnc/gcds-components-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { PageHeading } from '../components/page-heading';
import { QueryView } from '../components/query-view';
import { RoleGate } from '../components/role-gate';
import { useT } from '../i18n/language';
import { trpc } from '../lib/trpc';
import { RecipientDashboard } from './dashboards';

export function RecipientHomePage() {
  return (
    <RoleGate role="recipient">
      <RecipientHome />
    </RoleGate>
  );
}

function RecipientHome() {
  const { t, pick } = useT();
  const organisations = useQuery(trpc.organisation.mine.queryOptions());
  return (
    <>
      <PageHeading title={t('recipient.title')} />
      <GcdsHeading tag="h2">{t('recipient.organisations')}</GcdsHeading>
      <QueryView query={organisations}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('recipient.none')}</p>
          ) : (
            list.map((org) => (
              <section key={org.id} className="tp-card" aria-labelledby={`org-${org.id}`}>
                <h3 id={`org-${org.id}`}>{pick(org.legalNameEn, org.legalNameFr)}</h3>
                <dl className="tp-facts">
                  <dt>{t('recipient.type')}</dt>
                  <dd>{t(`organisationType.${org.type}`)}</dd>
                  <dt>{t('recipient.province')}</dt>
                  <dd>{t(`province.${org.provinceOrTerritory}`)}</dd>
                  <dt>{t('recipient.businessNumber')}</dt>
                  <dd>{org.businessNumber ?? t('common.none')}</dd>
                  <dt>{t('recipient.indigenousLed')}</dt>
                  <dd>{org.isIndigenousLed ? t('common.yes') : t('common.no')}</dd>
                  <dt>{t('recipient.survivorLed')}</dt>
                  <dd>{org.isSurvivorLed ? t('common.yes') : t('common.no')}</dd>
                </dl>
              </section>
            ))
          )
        }
      </QueryView>
      <GcdsHeading tag="h2">{t('recipient.actionsTitle')}</GcdsHeading>
      <ul className="tp-list">
        <li>
          <Link to="/calls" className="tp-link">{t('recipient.actions.calls')}</Link>
        </li>
        <li>
          <Link to="/applications" className="tp-link">{t('recipient.actions.applications')}</Link>
        </li>
        <li>
          <Link to="/organisation" className="tp-link">{t('recipient.actions.profile')}</Link>
        </li>
      </ul>
      <RecipientDashboard />
    </>
  );
}
