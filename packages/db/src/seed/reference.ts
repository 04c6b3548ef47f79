/**
 * Reference data every installation needs: the two national strategies and their pillars,
 * the programs and funding streams named in the source documents, and the fiscal years.
 * Idempotent: safe to run at every start.
 */
import { fiscalYearsHeld, isoDateIn } from '@tp/domain';
import type { Db, Tx } from '../transaction';
import { seedPerformance } from './performance';

interface StrategySeed {
  code: string;
  nameEn: string;
  nameFr: string;
  firstFiscalYear: string;
  pillars: [code: string, nameEn: string, nameFr: string][];
  programs: {
    code: string;
    nameEn: string;
    nameFr: string;
    descriptionEn: string;
    descriptionFr: string;
    streams: [code: string, nameEn: string, nameFr: string][];
  }[];
}

export const STRATEGIES: StrategySeed[] = [
  {
    code: 'human-trafficking',
    nameEn: 'National Strategy to Combat Human Trafficking',
    nameFr: 'Stratégie nationale de lutte contre la traite des personnes',
    firstFiscalYear: '2019-20',
    pillars: [
      ['empowerment', 'Empowerment', 'Autonomisation'],
      ['prevention', 'Prevention', 'Prévention'],
      ['protection', 'Protection', 'Protection'],
      ['prosecution', 'Prosecution', 'Poursuites'],
      ['partnerships', 'Partnerships', 'Partenariats'],
    ],
    programs: [
      {
        code: 'serious-organized-crime',
        nameEn: 'Contribution Program to Combat Serious and Organized Crime',
        nameFr: 'Programme de contribution pour combattre les crimes graves et le crime organisé',
        descriptionEn: 'Funds community projects that prevent human trafficking and support victims and survivors.',
        descriptionFr:
          'Finance des projets communautaires qui préviennent la traite des personnes et soutiennent les victimes et les survivants.',
        streams: [
          [
            'trauma-informed-empowerment',
            'Trauma-informed community empowerment projects',
            'Projets d’autonomisation communautaires tenant compte des traumatismes',
          ],
          ['youth-at-risk-pilots', 'Youth at risk pilot projects', 'Projets pilotes pour les jeunes à risque'],
        ],
      },
    ],
  },
  {
    code: 'child-exploitation-online',
    nameEn: 'National Strategy for the Protection of Children from Sexual Exploitation on the Internet',
    nameFr: 'Stratégie nationale pour la protection des enfants contre l’exploitation sexuelle sur Internet',
    firstFiscalYear: '2004-05',
    pillars: [
      ['prevention-awareness', 'Prevention and awareness', 'Prévention et sensibilisation'],
      ['detection-prosecution', 'Detection, arrest and prosecution', 'Détection, arrestation et poursuites'],
      ['protection', 'Protection', 'Protection'],
      [
        'partnerships-research',
        'Partnerships, research and strategic support',
        'Partenariats, recherche et soutien stratégique',
      ],
    ],
    programs: [
      {
        code: 'ice-units',
        nameEn: 'Internet Child Exploitation Units Funding',
        nameFr: 'Financement des unités de lutte contre l’exploitation des enfants sur Internet',
        descriptionEn:
          'Bilateral agreements with provinces to strengthen Internet Child Exploitation (ICE) units in provincial and municipal police.',
        descriptionFr:
          'Ententes bilatérales avec les provinces pour renforcer les unités de lutte contre l’exploitation des enfants sur Internet (ECI) des polices provinciales et municipales.',
        streams: [['provincial-agreements', 'Bilateral agreements with provinces', 'Ententes bilatérales avec les provinces']],
      },
      {
        code: 'child-protection-online',
        nameEn: 'Contributions for the Protection of Children from Online Sexual Exploitation',
        nameFr: 'Contributions pour la protection des enfants contre l’exploitation sexuelle en ligne',
        descriptionEn: 'Ongoing contributions to national tipline and detection services.',
        descriptionFr: 'Contributions permanentes aux services nationaux de signalement et de détection.',
        streams: [
          ['cybertip', 'Cybertip.ca national tipline', 'Centrale canadienne de signalement Cyberaide.ca'],
          ['project-arachnid', 'Project Arachnid', 'Projet Arachnid'],
        ],
      },
    ],
  },
];

/**
 * Adds the fiscal years that should exist today and do not (the current one and the ten after it
 * roll forward by themselves: start-up and a daily job call this). Existing years are untouched.
 */
export async function rollFiscalYearsForward(db: Db | Tx, today: string = isoDateIn(new Date(), 'America/Toronto')): Promise<number> {
  const years = fiscalYearsHeld(today).map((fy) => ({ label: fy.label, startDate: fy.start, endDate: fy.end }));
  const added = await db.insertInto('fiscalYear').values(years).onConflict((oc) => oc.doNothing()).returning('label').execute();
  return added.length;
}

export async function seedReference(db: Db, today?: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await rollFiscalYearsForward(tx, today);

    for (const s of STRATEGIES) {
      await tx
        .insertInto('strategy')
        .values({ code: s.code, nameEn: s.nameEn, nameFr: s.nameFr, firstFiscalYear: s.firstFiscalYear })
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
      const strategy = await tx.selectFrom('strategy').select('id').where('code', '=', s.code).executeTakeFirstOrThrow();
      await tx
        .insertInto('pillar')
        .values(
          s.pillars.map(([code, nameEn, nameFr], i) => ({ strategyId: strategy.id, code, position: i + 1, nameEn, nameFr })),
        )
        .onConflict((oc) => oc.columns(['strategyId', 'code']).doNothing())
        .execute();
      for (const p of s.programs) {
        await tx
          .insertInto('program')
          .values({
            code: p.code,
            strategyId: strategy.id,
            nameEn: p.nameEn,
            nameFr: p.nameFr,
            descriptionEn: p.descriptionEn,
            descriptionFr: p.descriptionFr,
            transferPaymentType: 'contribution',
          })
          .onConflict((oc) => oc.column('code').doNothing())
          .execute();
        const program = await tx.selectFrom('program').select('id').where('code', '=', p.code).executeTakeFirstOrThrow();
        await tx
          .insertInto('fundingStream')
          .values(p.streams.map(([code, nameEn, nameFr]) => ({ programId: program.id, code, nameEn, nameFr })))
          .onConflict((oc) => oc.columns(['programId', 'code']).doNothing())
          .execute();
      }
    }
    await seedPerformance(tx);
  });
}
