import { GcdsHeading, GcdsText } from '@cdssnc/gcds-components-react';
import type { ReactNode } from 'react';

/** The page's one h1, with an optional introduction. */
export function PageHeading({ title, intro }: { title: string; intro?: string }) {
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
