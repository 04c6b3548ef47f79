import { describe, expect, it } from 'vitest';
import { contributesTo, indicatorInput, isIndicatorReady, missingForReadiness, READINESS_REQUIREMENTS } from '../src/performance';

const ready = {
  definitionEn: 'Reports forwarded by Cybertip.ca to police',
  definitionFr: 'Signalements transmis par Cyberaide.ca à la police',
  unit: 'count' as const,
  methodEn: 'Count from the tipline case system',
  methodFr: 'Décompte tiré du système de gestion des cas',
  sourceEn: 'Canadian Centre for Child Protection',
  sourceFr: 'Centre canadien de protection de l’enfance',
  frequency: 'annual' as const,
  baselineValue: '934',
  baselineYear: '2019-20',
  targetValue: '1300',
  targetDate: '2027-03-31',
};

describe('indicator readiness', () => {
  it('a complete indicator is ready', () => {
    expect(missingForReadiness(ready)).toEqual([]);
    expect(isIndicatorReady(ready)).toBe(true);
  });

  it('names exactly what is missing', () => {
    expect(missingForReadiness({ ...ready, baselineValue: null, methodFr: '  ' })).toEqual(['method', 'baseline']);
    expect(missingForReadiness({ ...ready, targetDate: null })).toEqual(['target']);
  });

  it('an indicator with nothing but a name lacks every requirement', () => {
    const empty = Object.fromEntries(Object.keys(ready).map((k) => [k, null])) as unknown as typeof ready;
    expect(missingForReadiness(empty)).toEqual([...READINESS_REQUIREMENTS]);
  });

  it('a percentage must lie between 0 and 100', () => {
    const base = {
      outcomeId: '00000000-0000-4000-8000-000000000001',
      code: 'removal-within-a-day',
      nameEn: 'Companies removing images within a day',
      nameFr: 'Entreprises qui retirent les images en moins d’un jour',
      ...ready,
      unit: 'percent' as const,
      baselineValue: '28',
      baselineYear: '2017-18',
      targetValue: '50',
      direction: 'higher_is_better' as const,
      owner: null,
      gbaDimensions: [],
      departmentalResultIndicatorId: null,
    };
    expect(indicatorInput.safeParse(base).success).toBe(true);
    const r = indicatorInput.safeParse({ ...base, targetValue: '128' });
    expect(r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['targetValue', 'error.measure.percent']]);
  });

  it('logic model levels chain output -> immediate -> intermediate -> ultimate', () => {
    expect(contributesTo('output')).toBe('immediate');
    expect(contributesTo('immediate')).toBe('intermediate');
    expect(contributesTo('intermediate')).toBe('ultimate');
    expect(contributesTo('ultimate')).toBeNull();
  });
});
