/**
 * Choosing a password from an emailed link: the password-reset page and the invitation page
 * are the same form sent to a different procedure.
 */
import { GcdsButton } from '@cdssnc/gcds-components-react';
import { completePasswordResetInput } from '@tp/domain';
import type { MessageKey } from '@tp/i18n/web';
import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { ProblemNotice, SuccessNotice, FormProblemNotice } from '../components/notices';
import { PageHeading } from '../components/page-heading';
import { TextField } from '../components/text-field';
import { useT } from '../i18n/language';
import { formValues } from '../lib/form-values';
import { NO_PROBLEMS, problemsFromError, problemsFromIssues, type FormProblems } from '../lib/form-problems';
import { trpc } from '../lib/trpc';

const FIELDS = ['password', 'confirmPassword'] as const;

interface Texts {
  title: MessageKey;
  intro?: MessageKey;
  submit: MessageKey;
  done: MessageKey;
}

const TEXTS: Record<'reset' | 'invitation', Texts> = {
  reset: { title: 'reset.title', submit: 'reset.submit', done: 'reset.done' },
  invitation: { title: 'invitation.title', intro: 'invitation.intro', submit: 'invitation.submit', done: 'invitation.done' },
};

export function NewPasswordPage({ purpose, token }: { purpose: 'reset' | 'invitation'; token: string }) {
  const { t } = useT();
  const texts = TEXTS[purpose];
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [done, setDone] = useState(false);
  const reset = useMutation(trpc.auth.completePasswordReset.mutationOptions());
  const accept = useMutation(trpc.auth.acceptInvitation.mutationOptions());
  const mutation = purpose === 'reset' ? reset : accept;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = formValues(event.currentTarget);
    const parsed = completePasswordResetInput.safeParse({
      token,
      password: form['password'] ?? '',
      confirmPassword: form['confirmPassword'] ?? '',
    });
    if (!parsed.success) {
      setProblems(problemsFromIssues(parsed.error.issues, FIELDS));
      return;
    }
    setProblems(NO_PROBLEMS);
    try {
      await mutation.mutateAsync(parsed.data);
      setDone(true);
    } catch (error) {
      setProblems(problemsFromError(error, FIELDS));
    }
  }

  const signInLink = (
    <p className="tp-after-form">
      <Link to="/sign-in" className="tp-link">
        {t('token.goSignIn')}
      </Link>
    </p>
  );

  if (!token) {
    return (
      <section className="tp-narrow">
        <PageHeading title={t(texts.title)} />
        <ProblemNotice problem={{ key: 'token.missing' }} />
        {signInLink}
      </section>
    );
  }
  if (done) {
    return (
      <section className="tp-narrow">
        <PageHeading title={t(texts.title)} />
        <SuccessNotice>{t(texts.done)}</SuccessNotice>
        {signInLink}
      </section>
    );
  }
  return (
    <section className="tp-narrow">
      <PageHeading title={t(texts.title)} intro={texts.intro ? t(texts.intro) : undefined} />
      <FormProblemNotice problems={problems} />
      <form noValidate onSubmit={onSubmit} aria-label={t(texts.title)}>
        <TextField
          name="password"
          type="password"
          autocomplete="new-password"
          label={t('newPassword.password')}
          hint={t('newPassword.passwordHint')}
          problems={problems}
        />
        <TextField name="confirmPassword" type="password" autocomplete="new-password" label={t('newPassword.confirm')} problems={problems} />
        <GcdsButton type="submit" disabled={mutation.isPending}>
          {t(texts.submit)}
        </GcdsButton>
      </form>
    </section>
  );
}
