/**
 * /organisation: the recipient's organisation profile and whether the department verified it.
 * Its administrators edit the profile and invite colleagues; other members read it.
 */
import { GcdsButton, GcdsCheckboxes, GcdsHeading } from '@cdssnc/gcds-components-react';
import { organisationProfileInput, type Language } from '@tp/domain';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { LanguageSelect } from '../../components/language-select';
import { SuccessNotice, FormProblemNotice } from '../../components/notices';
import { PageHeading, SectionHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { RoleGate } from '../../components/role-gate';
import { TextField } from '../../components/text-field';
import { useT } from '../../i18n/language';
import { formValues } from '../../lib/form-values';
import { NO_PROBLEMS, problemsFromError, problemsFromIssues, type FormProblems } from '../../lib/form-problems';
import { queryClient, trpc } from '../../lib/trpc';
import type { MyOrganisation } from '../applications/types';
import { isOrganisationField, OrganisationFields, organisationInput, type OrganisationChoices } from './organisation-fields';

export function OrganisationPage() {
  const { t } = useT();
  const mine = useQuery(trpc.organisation.mine.queryOptions());
  return (
    <RoleGate role="recipient">
      <PageHeading title={t('organisation.title')} />
      <QueryView query={mine}>
        {(orgs) => (orgs.length === 0 ? <p>{t('organisation.none')}</p> : orgs.map((org) => <OrganisationProfile key={org.id} org={org} />))}
      </QueryView>
    </RoleGate>
  );
}

/** The non-empty parts, comma-separated (older profiles may lack an address or a contact). */
const joined = (parts: readonly (string | null)[]) => parts.filter((p) => p && p.trim() !== '').join(', ');

function OrganisationProfile({ org }: { org: MyOrganisation }) {
  const { t, pick, formatDate } = useT();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<null | 'saved' | 'needsVerification'>(null);
  return (
    <section aria-labelledby={`org-${org.id}`} className="tp-section">
      <SectionHeading id={`org-${org.id}`}>
        {pick(org.legalNameEn, org.legalNameFr)}
      </SectionHeading>
      <p data-testid="verification">
        {org.verifiedAt ? t('organisation.verified', { date: formatDate(org.verifiedAt) }) : t('organisation.notVerified')}
      </p>
      {saved ? <SuccessNotice>{t(saved === 'saved' ? 'organisation.saved' : 'organisation.savedNeedsVerification')}</SuccessNotice> : null}
      {editing ? (
        <ProfileForm
          org={org}
          onDone={(outcome) => {
            setEditing(false);
            setSaved(outcome);
          }}
        />
      ) : (
        <>
          <dl className="tp-facts">
            <dt>{t('organisation.field.legalNameEn')}</dt>
            <dd>{org.legalNameEn}</dd>
            <dt>{t('organisation.field.legalNameFr')}</dt>
            <dd>{org.legalNameFr}</dd>
            <dt>{t('organisation.field.type')}</dt>
            <dd>{t(`organisationType.${org.type}`)}</dd>
            <dt>{t('organisation.field.provinceOrTerritory')}</dt>
            <dd>{t(`province.${org.provinceOrTerritory}`)}</dd>
            <dt>{t('organisation.businessNumber')}</dt>
            <dd>{org.businessNumber ?? t('common.none')}</dd>
            <dt>{t('organisation.address')}</dt>
            <dd>{joined([org.addressLine, org.city, org.postalCode]) || t('common.none')}</dd>
            <dt>{t('organisation.contact')}</dt>
            <dd>{joined([org.contactName, org.contactEmail, org.contactPhone]) || t('common.none')}</dd>
            <dt>{t('organisation.field.isIndigenousLed')}</dt>
            <dd>{org.isIndigenousLed ? t('common.yes') : t('common.no')}</dd>
            <dt>{t('organisation.field.isSurvivorLed')}</dt>
            <dd>{org.isSurvivorLed ? t('common.yes') : t('common.no')}</dd>
            <dt>{t('organisation.field.officialLanguage')}</dt>
            <dd>{t(`language.${org.officialLanguage}`)}</dd>
          </dl>
          {org.isOrganisationAdmin ? (
            <div className="tp-actions">
              <GcdsButton
                type="button"
                buttonRole="secondary"
                onGcdsClick={() => {
                  setSaved(null);
                  setEditing(true);
                }}
              >
                {t('organisation.edit')}
              </GcdsButton>
            </div>
          ) : (
            <p>{t('organisation.notAdmin')}</p>
          )}
        </>
      )}
      {org.isOrganisationAdmin ? <InviteColleague org={org} /> : null}
    </section>
  );
}

function ProfileForm({ org, onDone }: { org: MyOrganisation; onDone(outcome: null | 'saved' | 'needsVerification'): void }) {
  const { t } = useT();
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [choices, setChoices] = useState<OrganisationChoices>({
    type: org.type,
    provinceOrTerritory: org.provinceOrTerritory,
    officialLanguage: org.officialLanguage,
    isIndigenousLed: org.isIndigenousLed,
    isSurvivorLed: org.isSurvivorLed,
  });
  const update = useMutation(trpc.organisation.update.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = organisationProfileInput.safeParse(organisationInput(formValues(event.currentTarget), choices));
    if (!parsed.success) {
      setProblems(problemsFromIssues(parsed.error.issues.map((i) => ({ ...i, path: ['organisation', ...i.path] })), isOrganisationField));
      return;
    }
    setProblems(NO_PROBLEMS);
    let needsVerification: boolean;
    try {
      ({ needsVerification } = await update.mutateAsync({ id: org.id, organisation: parsed.data }));
    } catch (error) {
      setProblems(problemsFromError(error, isOrganisationField));
      return;
    }
    await queryClient.invalidateQueries({ queryKey: trpc.organisation.pathKey() });
    onDone(needsVerification ? 'needsVerification' : 'saved');
  }

  return (
    <form noValidate onSubmit={onSubmit} aria-label={t('organisation.edit')}>
      <FormProblemNotice problems={problems} />
      <OrganisationFields
        idPrefix={`org-${org.id}`}
        problems={problems}
        choices={choices}
        onChoices={setChoices}
        initial={{ ...org, businessNumber: org.businessNumber ?? '' } as never}
      />
      <div className="tp-actions">
        <GcdsButton type="submit" disabled={update.isPending}>
          {t('organisation.save')}
        </GcdsButton>
        <GcdsButton type="button" buttonRole="secondary" onGcdsClick={() => onDone(null)}>
          {t('organisation.cancel')}
        </GcdsButton>
      </div>
    </form>
  );
}

const INVITE_FIELDS = ['email', 'displayName', 'preferredLanguage', 'asAdministrator'];

function InviteColleague({ org }: { org: MyOrganisation }) {
  const { t, lang } = useT();
  const [formKey, setFormKey] = useState(0);
  const [language, setLanguage] = useState<Language>(lang);
  const [asAdministrator, setAsAdministrator] = useState(false);
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [invited, setInvited] = useState<string | null>(null);
  const invite = useMutation(trpc.organisation.inviteColleague.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setInvited(null);
    const values = formValues(event.currentTarget);
    const input = { organisationId: org.id, email: values['email'] ?? '', displayName: values['displayName'] ?? '', preferredLanguage: language, asAdministrator };
    setProblems(NO_PROBLEMS);
    try {
      await invite.mutateAsync(input);
    } catch (error) {
      setProblems(problemsFromError(error, INVITE_FIELDS));
      return;
    }
    setInvited(input.email);
    setAsAdministrator(false);
    setFormKey((k) => k + 1);
  }

  return (
    <section aria-labelledby={`invite-${org.id}`} className="tp-section">
      <GcdsHeading tag="h3" id={`invite-${org.id}`}>
        {t('organisation.invite')}
      </GcdsHeading>
      <p>{t('organisation.inviteIntro')}</p>
      {invited ? <SuccessNotice>{t('organisation.invited', { email: invited })}</SuccessNotice> : null}
      <FormProblemNotice problems={problems} />
      <form key={formKey} noValidate onSubmit={onSubmit} aria-label={t('organisation.invite')}>
        <TextField name="email" type="email" autocomplete="off" label={t('register.email')} problems={problems} />
        <TextField name="displayName" autocomplete="off" label={t('register.displayName')} problems={problems} />
        <LanguageSelect id={`colleague-language-${org.id}`} label="register.preferredLanguage" value={language} onChange={setLanguage} problems={problems} />
        <GcdsCheckboxes
          key={`colleague-admin-${lang}-${formKey}`}
          name="asAdministrator"
          legend={t('organisation.inviteRole')}
          hideLegend
          options={[{ id: `colleague-admin-${org.id}`, label: t('organisation.asAdministrator'), value: 'yes', checked: asAdministrator }]}
          value={asAdministrator ? ['yes'] : []}
          onGcdsChange={(event) => setAsAdministrator(Array.isArray(event.detail) && (event.detail as string[]).includes('yes'))}
        />
        <div className="tp-actions">
          <GcdsButton type="submit" disabled={invite.isPending}>
            {t('organisation.inviteSubmit')}
          </GcdsButton>
        </div>
      </form>
    </section>
  );
}
