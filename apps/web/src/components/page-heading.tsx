import { GcdsHeading, GcdsText } from '@cdssnc/gcds-components-react';

/** The page's one h1, with an optional introduction. */
export function PageHeading({ title, intro }: { title: string; intro?: string }) {
  return (
    <>
      <GcdsHeading tag="h1">{title}</GcdsHeading>
      {intro ? <GcdsText>{intro}</GcdsText> : null}
    </>
  );
}
