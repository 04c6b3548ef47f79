/**
 * /register (public): a person registers with their organisation. They then choose a password
 * from the emailed link (/accept-invitation). The answer is the same whether or not the address
 * already has an account, so the page never tells who is registered.
 */
import { GcdsButton } from '@cdssnc/gcds-components-react';
import { registerInput, type Language } from '@tp/domain';
import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { LanguageSelect } from '../../components/language-select';
import { InfoNotice, FormProblemNotice } from '../../components/notices';
import { PageHeading } from '../../components/page-heading';
import { TextField } from '../../components/text-field';
import { useT } from '../../i18n/language';
import { formValues } from '../../lib/form-values';
import { NO_PROBLEMS, problemsFromError, problemsFromIssues, type FormProblems } from '../../lib/form-problems';
import { trpc } from '../../lib/trpc';
import { EMPTY_CHOICES, isOrganisationField, OrganisationFields, organisationInput, type OrganisationChoices } from './organisation-fields';

const isRegisterField = (field: string) => ['email', 'displayName', 'preferredLanguage'].includes(field) || isOrganisationField(field);

export function RegisterPage() {
  const { t, lang } = useT();
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [choices, setChoices] = useState<OrganisationChoices>({ ...EMPTY_CHOICES, officialLanguage: lang });
  const [language, setLanguage] = useState<Language>(lang);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const register = useMutation(trpc.auth.register.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = formValues(event.currentTarget);
    const parsed = registerInput.safeParse({
      email: values['email'] ?? '',
      displayName: values['displayName'] ?? '',
      preferredLanguage: language,
      organisation: organisationInput(values, choices),
    });
    if (!parsed.success) {
      setProblems(problemsFromIssues(parsed.error.issues, isRegisterField));
      return;
    }
    setProblems(NO_PROBLEMS);
    try {
      await register.mutateAsync(parsed.data);
    } catch (error) {
      setProblems(problemsFromError(error, isRegisterField));
      return;
    }
    setSentTo(parsed.data.email);
  }

  if (sentTo) {
    return (
      <section className="tp-narrow">
        <PageHeading title={t('register.doneTitle')} />
        <InfoNotice title={t('register.checkEmailTitle')}>{t('register.checkEmail', { email: sentTo })}</InfoNotice>
        <p className="tp-after-form">
          <Link to="/sign-in" className="tp-link">
            {t('register.toSignIn')}
          </Link>
        </p>
      </section>
    );
  }

  return (
    <section className="tp-narrow">
      <PageHeading title={t('register.title')} intro={t('register.intro')} />
      <FormProblemNotice problems={problems} />
      <form noValidate onSubmit={onSubmit} aria-label={t('register.title')}>
        <fieldset className="tp-membership">
          <legend>{t('register.you')}</legend>
          <TextField name="email" type="email" autocomplete="email" label={t('register.email')} problems={problems} />
          <TextField name="displayName" autocomplete="name" label={t('register.displayName')} problems={problems} />
          <LanguageSelect id="register-language" label="register.preferredLanguage" value={language} onChange={setLanguage} problems={problems} />
        </fieldset>
        <fieldset className="tp-membership">
          <legend>{t('register.organisation')}</legend>
          <OrganisationFields idPrefix="register" problems={problems} choices={choices} onChoices={setChoices} />
        </fieldset>
        <GcdsButton type="submit" disabled={register.isPending}>
          {t('register.submit')}
        </GcdsButton>
      </form>
      <p className="tp-after-form">
        <Link to="/sign-in" className="tp-link">
          {t('register.haveAccount')}
        </Link>
      </p>
    </section>
  );
}
