import { Link } from '@tanstack/react-router';
import { PageHeading } from '../components/page-heading';
import { useT } from '../i18n/language';

export function NotFoundPage() {
  const { t } = useT();
  return (
    <>
      <PageHeading title={t('notFound.title')} intro={t('notFound.body')} />
      <Link to="/" className="tp-link">
        {t('notFound.home')}
      </Link>
    </>
  );
}

/** An unexpected failure while showing a page: a plain message in the user's language, never a stack. */
export function ErrorPage() {
  const { t } = useT();
  return (
    <>
      <PageHeading title={t('errorPage.title')} intro={t('error.internal')} />
      <Link to="/" className="tp-link">
        {t('notFound.home')}
      </Link>
    </>
  );
}
