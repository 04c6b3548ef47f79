import { useT } from '../i18n/language';

interface Pillar {
  code: string;
  position: number;
  nameEn: string;
  nameFr: string;
}

/** A strategy's pillars in their official order, numbered. */
export function StrategyPillars({ pillars }: { pillars: readonly Pillar[] }) {
  const { pick } = useT();
  const ordered = [...pillars].sort((a, b) => a.position - b.position);
  return (
    <ol className="tp-list">
      {ordered.map((pillar) => (
        <li key={pillar.code} value={pillar.position}>
          {pick(pillar.nameEn, pillar.nameFr)}
        </li>
      ))}
    </ol>
  );
}
