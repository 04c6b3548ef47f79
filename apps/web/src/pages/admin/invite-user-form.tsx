import { GcdsButton, GcdsHeading } from '@cdssnc/gcds-components-react';
import { inviteUserInput, type Language } from '@tp/domain';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { LanguageSelect } from '../../components/language-select';
import { EMPTY_MEMBERSHIP, isMembershipField, MembershipPicker, toMembershipInput, type MembershipRow, type OrganisationOption } from '../../components/membership-picker';
import { SuccessNotice, FormProblemNotice } from '../../components/notices';
import { TextField } from '../../components/text-field';
import { useT } from '../../i18n/language';
import { formValues } from '../../lib/form-values';
import { NO_PROBLEMS, problemsFromError, problemsFromIssues, type FormProblems } from '../../lib/form-problems';
import { queryClient, trpc } from '../../lib/trpc';

const isInviteField = (field: string) => ['email', 'displayName', 'preferredLanguage'].includes(field) || isMembershipField(field);

export function InviteUserForm({ organisations }: { organisations: readonly OrganisationOption[] }) {
  const { t } = useT();
  const [formKey, setFormKey] = useState(0);
  const [language, setLanguage] = useState<Language>('en');
  const [rows, setRows] = useState<MembershipRow[]>([EMPTY_MEMBERSHIP]);
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [invited, setInvited] = useState<string | null>(null);
  const invite = useMutation(trpc.admin.inviteUser.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setInvited(null);
    const form = formValues(event.currentTarget);
    const parsed = inviteUserInput.safeParse({
      email: form['email'] ?? '',
      displayName: form['displayName'] ?? '',
      preferredLanguage: language,
      memberships: toMembershipInput(rows),
    });
    if (!parsed.success) {
      setProblems(problemsFromIssues(parsed.error.issues, isInviteField));
      return;
    }
    setProblems(NO_PROBLEMS);
    try {
      await invite.mutateAsync(parsed.data);
    } catch (error) {
      setProblems(problemsFromError(error, isInviteField));
      return;
    }
    setInvited(parsed.data.email);
    setRows([EMPTY_MEMBERSHIP]);
    setFormKey((k) => k + 1);
    await queryClient.invalidateQueries({ queryKey: trpc.admin.pathKey() });
  }

  return (
    <section aria-labelledby="invite-heading" className="tp-section">
      <GcdsHeading tag="h2" id="invite-heading">
        {t('admin.invite')}
      </GcdsHeading>
      <p>{t('admin.inviteIntro')}</p>
      {invited ? <SuccessNotice>{t('admin.invited', { email: invited })}</SuccessNotice> : null}
      <FormProblemNotice problems={problems} />
      <form key={formKey} noValidate onSubmit={onSubmit} aria-label={t('admin.invite')}>
        <TextField name="email" type="email" autocomplete="off" label={t('admin.email')} problems={problems} />
        <TextField name="displayName" autocomplete="off" label={t('admin.displayName')} problems={problems} />
        <LanguageSelect id="invite-language" label="admin.preferredLanguage" value={language} onChange={setLanguage} problems={problems} />
        <MembershipPicker idPrefix="invite" rows={rows} onChange={setRows} organisations={organisations} problems={problems} />
        <div className="tp-actions">
          <GcdsButton type="submit" disabled={invite.isPending}>
            {t('admin.inviteSubmit')}
          </GcdsButton>
        </div>
      </form>
    </section>
  );
}
