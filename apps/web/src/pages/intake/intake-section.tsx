/** What the parts of the intake page share: a section with its heading, and refreshing what they show once one acts. */
import { GcdsHeading } from '@cdssnc/gcds-components-react';
import { queryClient, trpc } from '../../lib/trpc';

export async function refresh() {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: trpc.applications.pathKey() }),
    queryClient.invalidateQueries({ queryKey: trpc.assessment.pathKey() }),
  ]);
}
export function Section({ id, title, intro, children }: { id: string; title: string; intro?: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="tp-section" data-section={id}>
      <GcdsHeading tag="h2" id={`${id}-heading`}>
        {title}
      </GcdsHeading>
      {intro ? <p>{intro}</p> : null}
      {children}
    </section>
  );
}
