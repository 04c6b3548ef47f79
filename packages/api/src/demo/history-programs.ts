/**
 * The history's extra programs and indicators, added once, so that the generated agreements spread
 * over more than the reference programs.
 */
import type { Db } from '@tp/db';
import { type GbaDimension } from '@tp/domain';
import { type Random } from './history-kit';

export const EXTRA_PROGRAMS = [
  ['community-safety-fund', 'Community Safety Fund', 'Fonds pour la sécurité communautaire'],
  ['survivor-support-network', 'Survivor Support Network Program', 'Programme du réseau de soutien aux survivants'],
  ['online-harms-research', 'Online Harms Research Contributions', 'Contributions à la recherche sur les préjudices en ligne'],
  ['indigenous-prevention-initiative', 'Indigenous Prevention Initiative', 'Initiative autochtone de prévention'],
] as const;

const EXTRA_INDICATORS: [unit: 'count' | 'percent' | 'currency' | 'days' | 'yes_no', en: string, fr: string, dims: GbaDimension[]][] = [
  ['count', 'People reached by outreach', 'Personnes jointes par les activités d’approche', ['gender', 'age_group', 'indigenous_identity', 'urban_rural_remote']],
  ['count', 'Survivors receiving ongoing support', 'Survivants recevant un soutien continu', ['gender', 'age_group', 'two_slgbtqi_plus', 'disability']],
  ['count', 'Front-line workers trained', 'Intervenants de première ligne formés', ['official_language']],
  ['count', 'Referrals to partner services', 'Aiguillages vers des services partenaires', []],
  ['count', 'Community sessions held', 'Séances communautaires tenues', ['urban_rural_remote']],
  ['count', 'Youth completing the program', 'Jeunes ayant terminé le programme', ['gender', 'newcomer_or_migrant']],
  ['percent', 'Participants reporting greater safety', 'Participants se disant plus en sécurité', []],
  ['percent', 'Planned activities completed or under way', 'Activités prévues réalisées ou en cours', []],
  ['currency', 'Funds leveraged from other sources', 'Fonds obtenus d’autres sources', []],
  ['days', 'Days from referral to first contact', 'Jours entre l’aiguillage et le premier contact', []],
  ['yes_no', 'Survivor advisory committee in place', 'Comité consultatif de survivants en place', []],
  ['count', 'Resources distributed', 'Ressources distribuées', []],
];

/** New programs in the existing strategies, each with its pillars, outcomes and ready indicators. */
export async function addPrograms(db: Db, random: Random, count: number): Promise<void> {
  const strategies = await db.selectFrom('strategy').select('id').orderBy('code').execute();
  for (const [n, [code, nameEn, nameFr]] of EXTRA_PROGRAMS.slice(0, count).entries()) {
    const strategyId = strategies[n % strategies.length]!.id;
    const program = await db.insertInto('program').values({ code, strategyId, nameEn, nameFr, transferPaymentType: 'contribution' }).returning('id').executeTakeFirstOrThrow();
    const pillars = await db.selectFrom('pillar').select('id').where('strategyId', '=', strategyId).orderBy('position').execute();
    await db.insertInto('programPillar').values(pillars.map((p) => ({ programId: program.id, pillarId: p.id }))).execute();
    for (const role of ['program_officer', 'program_manager'] as const) {
      await db.insertInto('programApprovalLimit').values({ programId: program.id, role, maxAmountCents: role === 'program_manager' ? 500_000_000n : 100_000_000n }).execute();
    }
    const outcome = await db
      .insertInto('logicModelResult')
      .values({ strategyId, programId: program.id, level: 'immediate', code: `${code}-outcome`, position: 100 + n, nameEn: `${nameEn}: people are safer and supported`, nameFr: `${nameFr} : les personnes sont plus en sécurité et soutenues` })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('indicator')
      .values(
        EXTRA_INDICATORS.map(([unit, en, fr, dims], i) => ({
          resultId: outcome.id,
          code: `${code}-${i + 1}`,
          nameEn: en,
          nameFr: fr,
          definitionEn: en,
          definitionFr: fr,
          unit,
          methodEn: 'Reported by recipients in their progress reports.',
          methodFr: 'Déclaré par les bénéficiaires dans leurs rapports d’étape.',
          sourceEn: 'Progress reports',
          sourceFr: 'Rapports d’étape',
          frequency: 'quarterly' as const,
          baselineValue: unit === 'percent' ? '50' : unit === 'yes_no' ? '0' : String(random.int(10, 500)),
          baselineYear: '2017-18',
          targetValue: unit === 'percent' ? '75' : unit === 'yes_no' ? '1' : String(random.int(500, 5000)),
          targetDate: '2028-03-31',
          gbaDimensions: dims,
        })),
      )
      .execute();
  }
}
