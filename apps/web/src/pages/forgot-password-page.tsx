import { GcdsButton } from '@cdssnc/gcds-components-react';
import { requestPasswordResetInput } from '@tp/domain';
import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { SuccessNotice, FormProblemNotice } from '../components/notices';
import { PageHeading } from '../components/page-heading';
import { TextField } from '../components/text-field';
import { useT } from '../i18n/language';
import { formValues } from '../lib/form-values';
import { NO_PROBLEMS, problemsFromError, problemsFromIssues, type FormProblems } from '../lib/form-problems';
import { trpc } from '../lib/trpc';

const FIELDS = ['email'] as const;

/** Always the same confirmation, whether or not an account uses the address. */
export function ForgotPasswordPage() {
  const { t } = useT();
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [sent, setSent] = useState(false);
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = requestPasswordResetInput.safeParse({ email: formValues(event.currentTarget)['email'] ?? '' });
    if (!parsed.success) {
      setProblems(problemsFromIssues(parsed.error.issues, FIELDS));
      return;
    }
    setProblems(NO_PROBLEMS);
    try {
      await request.mutateAsync(parsed.data);
      setSent(true);
    } catch (error) {
      setProblems(problemsFromError(error, FIELDS));
    }
  }

  return (
    <section className="tp-narrow">
      <PageHeading title={t('forgot.title')} intro={sent ? undefined : t('forgot.intro')} />
      {sent ? (
        <SuccessNotice>{t('forgot.sent')}</SuccessNotice>
      ) : (
        <>
          <FormProblemNotice problems={problems} />
          <form noValidate onSubmit={onSubmit} aria-label={t('forgot.title')}>
            <TextField name="email" type="email" autocomplete="email" label={t('signIn.email')} problems={problems} />
            <GcdsButton type="submit" disabled={request.isPending}>
              {t('forgot.submit')}
            </GcdsButton>
          </form>
        </>
      )}
      <p className="tp-after-form">
        <Link to="/sign-in" className="tp-link">
          {t('forgot.back')}
        </Link>
      </p>
    </section>
  );
}
