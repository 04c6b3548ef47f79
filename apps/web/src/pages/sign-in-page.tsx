import { GcdsButton } from '@cdssnc/gcds-components-react';
import { signInInput } from '@tp/domain';
import { useMutation } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { FormProblemNotice } from '../components/notices';
import { PageHeading } from '../components/page-heading';
import { TextField } from '../components/text-field';
import { useT } from '../i18n/language';
import { formValues } from '../lib/form-values';
import { NO_PROBLEMS, problemsFromError, problemsFromIssues, type FormProblems } from '../lib/form-problems';
import { homePathOf, refreshSession, safeReturnPath } from '../lib/session';
import { trpc } from '../lib/trpc';

const FIELDS = ['email', 'password'] as const;

export function SignInPage({ returnTo }: { returnTo?: string | undefined }) {
  const { t } = useT();
  const navigate = useNavigate();
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const signIn = useMutation(trpc.auth.signIn.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = formValues(event.currentTarget);
    const parsed = signInInput.safeParse({ email: form['email'] ?? '', password: form['password'] ?? '' });
    if (!parsed.success) {
      setProblems(problemsFromIssues(parsed.error.issues, FIELDS));
      return;
    }
    setProblems(NO_PROBLEMS);
    try {
      await signIn.mutateAsync(parsed.data);
    } catch (error) {
      setProblems(problemsFromError(error, FIELDS));
      return;
    }
    const session = await refreshSession();
    await navigate({ to: safeReturnPath(returnTo) ?? homePathOf(session?.roles ?? []) });
  }

  return (
    <section className="tp-narrow">
      <PageHeading title={t('signIn.title')} intro={t('signIn.intro')} />
      <FormProblemNotice problems={problems} />
      <form noValidate onSubmit={onSubmit} aria-label={t('signIn.title')}>
        <TextField name="email" type="email" autocomplete="username" label={t('signIn.email')} problems={problems} />
        <TextField name="password" type="password" autocomplete="current-password" label={t('signIn.password')} problems={problems} />
        <GcdsButton type="submit" disabled={signIn.isPending}>
          {t('signIn.submit')}
        </GcdsButton>
      </form>
      <p className="tp-after-form">
        <Link to="/forgot-password" className="tp-link">
          {t('signIn.forgot')}
        </Link>
      </p>
      <p>
        <Link to="/register" className="tp-link">
          {t('signIn.register')}
        </Link>
      </p>
    </section>
  );
}
