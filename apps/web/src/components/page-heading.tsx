import { GcdsHeading, GcdsText } from '@cdssnc/gcds-components-react';
import { useEffect, type ReactNode } from 'react';
import { useT } from '../i18n/language';

/** The page's one h1, with an optional introduction; the browser tab reads the same title ("Claims - Transfer Payment Portal"). */
export function PageHeading({ title, intro }: { title: string; intro?: string }) {
  const { t } = useT();
  const portal = t('app.title');
  useEffect(() => {
    document.title = title && title !== portal ? `${title} - ${portal}` : portal;
  }, [title, portal]);
  return (
    <>
      <GcdsHeading tag="h1">{title}</GcdsHeading>
      {intro ? <GcdsText>{intro}</GcdsText> : null}
    </>
  );
}

/** A section's h2, with the id its section is labelled by. */
export function SectionHeading({ id, children }: { id: string; children: ReactNode }) {
  return (
    <GcdsHeading tag="h2" id={id} characterLimit={false}>
      {children}
    </GcdsHeading>
  );
}
