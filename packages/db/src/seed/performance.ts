/**
 * The performance measurement frameworks of both strategies, the departmental results they
 * roll up to, the pillars each program funds, delegated approval limits and budgets.
 * The child-exploitation logic model is annex A of the 2021 evaluation (seed 004): one ultimate
 * outcome, four intermediate, ten immediate, one output line per pillar. Some indicators are left
 * incomplete on purpose, as the evaluation found them, so the readiness check has work to show.
 * Idempotent: keyed by codes.
 */
import type { CollectionFrequency, GbaDimension, IndicatorUnit, LogicModelLevel } from '@tp/domain';
import type { Tx } from '../transaction';

type Named = [code: string, nameEn: string, nameFr: string];

interface ResultSeed {
  code: string;
  level: LogicModelLevel;
  pillar?: string;
  nameEn: string;
  nameFr: string;
  /** Codes of the results one level up that this one contributes to. */
  contributesTo: string[];
}

interface IndicatorSeed {
  result: string;
  code: string;
  nameEn: string;
  nameFr: string;
  definitionEn?: string;
  definitionFr?: string;
  unit?: IndicatorUnit;
  direction?: 'higher_is_better' | 'lower_is_better';
  methodEn?: string;
  methodFr?: string;
  sourceEn?: string;
  sourceFr?: string;
  frequency?: CollectionFrequency;
  baseline?: [value: string, fiscalYear: string];
  target?: [value: string, date: string];
  owner?: string;
  gba?: GbaDimension[];
  departmentalIndicator?: string;
}

const CHILD_EXPLOITATION: { results: ResultSeed[]; indicators: IndicatorSeed[] } = {
  results: [
    { code: 'children-protected', level: 'ultimate', nameEn: 'Children are protected from online sexual exploitation', nameFr: 'Les enfants sont protégés contre l’exploitation sexuelle en ligne', contributesTo: [] },
    { code: 'prevention-behaviours', level: 'intermediate', nameEn: 'Canadians, including at-risk groups, victims and survivors and people with a sexual interest in children, adopt behaviours that help prevent online child sexual exploitation and report it without fear of stigma', nameFr: 'Les Canadiens, y compris les groupes à risque, les victimes et les survivants de l’ESE et les personnes ayant un intérêt sexuel à l’égard des enfants, adoptent des comportements qui aident à prévenir l’ESE en ligne et dénoncent l’ESE sans craindre la stigmatisation', contributesTo: ['children-protected'] },
    { code: 'offenders-prosecuted', level: 'intermediate', nameEn: 'Criminal justice professionals investigate and prosecute offenders and achieve consistent outcomes', nameFr: 'Les professionnels du milieu de la justice pénale enquêtent sur les contrevenants et les poursuivent, et obtiennent des résultats constants', contributesTo: ['children-protected'] },
    { code: 'victims-protected', level: 'intermediate', nameEn: 'Victims are protected from re-victimization (and supported by trauma-informed services)', nameFr: 'Les victimes sont protégées contre toute nouvelle victimisation (et sont soutenues par des services tenant compte des traumatismes)', contributesTo: ['children-protected'] },
    { code: 'stakeholders-work-together', level: 'intermediate', nameEn: 'Internal and external stakeholders work together against online child sexual exploitation using an evidence-based approach', nameFr: 'Les intervenants internes et externes travaillent ensemble pour lutter contre l’ESE en ligne en utilisant une approche fondée sur des données probantes', contributesTo: ['children-protected'] },
    { code: 'public-knows-signs', level: 'immediate', nameEn: 'The public, at-risk groups, victims and survivors know the signs of online sexual exploitation and how to report it', nameFr: 'Le public, les groupes à risque, les victimes et les survivants connaissent les signes d’ESE en ligne et savent comment signaler ce type de crime', contributesTo: ['prevention-behaviours'] },
    { code: 'prevention-supports', level: 'immediate', nameEn: 'People with a sexual interest in children have access to prevention supports', nameFr: 'Les personnes ayant un intérêt sexuel à l’égard des enfants ont accès à des mesures de soutien à la prévention', contributesTo: ['prevention-behaviours'] },
    { code: 'justice-knowledge', level: 'immediate', nameEn: 'Criminal justice professionals have the knowledge to investigate and prosecute offenders', nameFr: 'Les professionnels du milieu de la justice pénale possèdent les connaissances requises pour enquêter sur les contrevenants et les poursuivre en justice', contributesTo: ['offenders-prosecuted'] },
    { code: 'justice-resources', level: 'immediate', nameEn: 'Criminal justice professionals have the resources and tools to investigate and prosecute offenders', nameFr: 'Les professionnels du milieu de la justice pénale ont accès aux ressources et aux outils nécessaires pour enquêter sur les contrevenants et les poursuivre en justice', contributesTo: ['offenders-prosecuted'] },
    { code: 'police-aware-offences', level: 'immediate', nameEn: 'Law enforcement is aware of suspected offences requiring investigation', nameFr: 'Les organismes d’application de la loi sont au courant des infractions présumées qui doivent faire l’objet d’une enquête', contributesTo: ['offenders-prosecuted'] },
    { code: 'police-identify-victims', level: 'immediate', nameEn: 'Law enforcement has the resources and tools to identify victims', nameFr: 'Les organismes d’application de la loi ont accès aux ressources et aux outils nécessaires pour repérer les victimes', contributesTo: ['victims-protected'] },
    { code: 'victims-access-services', level: 'immediate', nameEn: 'Victims and survivors have access to trauma-informed services', nameFr: 'Les victimes et les survivants ont accès à des services tenant compte des traumatismes', contributesTo: ['victims-protected'] },
    { code: 'providers-remove-images', level: 'immediate', nameEn: 'Internet service providers are aware of the need to remove child sexual abuse images', nameFr: 'Les fournisseurs d’accès Internet sont conscients de la nécessité de supprimer les images d’abus pédosexuels', contributesTo: ['victims-protected'] },
    { code: 'stakeholders-research', level: 'immediate', nameEn: 'Stakeholders have access to information and research on online child sexual exploitation', nameFr: 'Les intervenants ont accès à l’information et à la recherche concernant l’ESE en ligne', contributesTo: ['stakeholders-work-together'] },
    { code: 'stakeholders-collaboration', level: 'immediate', nameEn: 'Internal and external stakeholders are aware of the importance of multi-sector collaboration', nameFr: 'Les intervenants internes et externes sont conscients de l’importance de la collaboration multisectorielle dans la lutte contre l’ESE en ligne', contributesTo: ['stakeholders-work-together'] },
    { code: 'awareness-prevention-output', level: 'output', pillar: 'prevention-awareness', nameEn: 'Awareness and prevention efforts increased', nameFr: 'Accroître la sensibilisation et les efforts de prévention', contributesTo: ['public-knows-signs', 'prevention-supports'] },
    { code: 'offenders-identified-output', level: 'output', pillar: 'detection-prosecution', nameEn: 'Offenders identified, arrested and prosecuted', nameFr: 'Repérer les délinquants, les arrêter et les poursuivre en justice', contributesTo: ['justice-knowledge', 'justice-resources', 'police-aware-offences'] },
    { code: 'victims-supported-output', level: 'output', pillar: 'protection', nameEn: 'Victims protected from further abuse and offered support services', nameFr: 'Protéger les victimes contre d’autres abus et offrir des services de soutien', contributesTo: ['police-identify-victims', 'victims-access-services', 'providers-remove-images'] },
    { code: 'policy-research-output', level: 'output', pillar: 'partnerships-research', nameEn: 'Policies developed, research supported and stakeholders engaged', nameFr: 'Élaborer des politiques, soutenir la recherche et mobiliser les intervenants', contributesTo: ['stakeholders-research', 'stakeholders-collaboration'] },
  ],
  indicators: [
    {
      result: 'police-aware-offences', code: 'reports-forwarded-police',
      nameEn: 'Reports forwarded to law enforcement', nameFr: 'Signalements transmis aux organismes d’application de la loi',
      definitionEn: 'Number of reports received by Cybertip.ca that were forwarded to a police service in the fiscal year.',
      definitionFr: 'Nombre de signalements reçus par Cyberaide.ca qui ont été transmis à un service de police au cours de l’exercice.',
      unit: 'count', methodEn: 'Count extracted from the tipline case management system at year end.', methodFr: 'Décompte tiré du système de gestion des cas de la centrale à la fin de l’exercice.',
      sourceEn: 'Canadian Centre for Child Protection annual report', sourceFr: 'Rapport annuel du Centre canadien de protection de l’enfance',
      frequency: 'annual', baseline: ['934', '2019-20'], target: ['1400', '2027-03-31'], owner: 'Crime Prevention Branch', departmentalIndicator: 'ocse-reports-forwarded',
    },
    {
      result: 'providers-remove-images', code: 'removal-within-a-day',
      nameEn: 'Share of companies removing abuse images within a day', nameFr: 'Proportion des entreprises qui retirent les images d’abus en moins d’un jour',
      definitionEn: 'Percentage of notices sent by Project Arachnid for which the company removed the image within 24 hours.',
      definitionFr: 'Pourcentage des avis envoyés par le Projet Arachnid pour lesquels l’entreprise a retiré l’image en moins de 24 heures.',
      unit: 'percent', methodEn: 'Ratio computed by Project Arachnid from notice and removal timestamps.', methodFr: 'Ratio calculé par le Projet Arachnid à partir de l’heure des avis et des retraits.',
      sourceEn: 'Project Arachnid statistics', sourceFr: 'Statistiques du Projet Arachnid',
      frequency: 'annual', baseline: ['28', '2017-18'], target: ['50', '2027-03-31'], owner: 'Crime Prevention Branch',
    },
    {
      result: 'awareness-prevention-output', code: 'workshops-delivered',
      nameEn: 'Prevention workshops delivered', nameFr: 'Ateliers de prévention offerts',
      definitionEn: 'Number of prevention and awareness workshops delivered to youth by funded organisations.',
      definitionFr: 'Nombre d’ateliers de prévention et de sensibilisation offerts aux jeunes par les organisations financées.',
      unit: 'count', methodEn: 'Recipients count workshops in their progress reports.', methodFr: 'Les bénéficiaires comptent les ateliers dans leurs rapports d’étape.',
      sourceEn: 'Recipient progress reports', sourceFr: 'Rapports d’étape des bénéficiaires',
      frequency: 'quarterly', baseline: ['400', '2020-21'], target: ['450', '2027-03-31'], gba: ['official_language', 'urban_rural_remote'],
    },
    {
      result: 'public-knows-signs', code: 'youth-reached',
      nameEn: 'Youth reached by prevention activities', nameFr: 'Jeunes joints par les activités de prévention',
      definitionEn: 'Number of young people who took part in a funded prevention activity.',
      definitionFr: 'Nombre de jeunes qui ont participé à une activité de prévention financée.',
      unit: 'count', methodEn: 'Attendance counts reported by recipients (aggregates only).', methodFr: 'Présences déclarées par les bénéficiaires (données agrégées seulement).',
      sourceEn: 'Recipient progress reports', sourceFr: 'Rapports d’étape des bénéficiaires',
      frequency: 'quarterly', baseline: ['19000', '2020-21'],
      gba: ['gender', 'age_group', 'indigenous_identity', 'urban_rural_remote'],
    },
    {
      result: 'offenders-identified-output', code: 'ice-unit-arrests',
      nameEn: 'Arrests by funded ICE units', nameFr: 'Arrestations par les unités ECI financées',
      definitionEn: 'Number of arrests for online child sexual exploitation offences made by funded Internet Child Exploitation units.',
      definitionFr: 'Nombre d’arrestations pour des infractions d’exploitation sexuelle des enfants en ligne effectuées par les unités ECI financées.',
      unit: 'count', frequency: 'annual', baseline: ['83', '2019-20'], target: ['185', '2027-03-31'],
    },
    {
      result: 'justice-resources', code: 'units-backlog-reduced',
      nameEn: 'Funded units that reduced their backlog', nameFr: 'Unités financées ayant réduit leur arriéré',
      unit: 'percent', direction: 'higher_is_better', frequency: 'annual', baseline: ['10', '2020-21'],
    },
    {
      result: 'stakeholders-work-together', code: 'planned-activities-on-track',
      nameEn: 'Planned strategy activities completed or under way', nameFr: 'Activités prévues de la Stratégie terminées ou en cours',
      definitionEn: 'Share of the strategy’s planned activities that are completed or under way.',
      definitionFr: 'Proportion des activités prévues de la Stratégie qui sont terminées ou en cours.',
      unit: 'percent', methodEn: 'Status of each planned activity from partner reporting.', methodFr: 'État de chaque activité prévue selon les rapports des partenaires.',
      sourceEn: 'Horizontal initiative reporting', sourceFr: 'Rapports de l’initiative horizontale',
      frequency: 'annual', baseline: ['80', '2020-21'], target: ['95', '2027-03-31'],
    },
  ],
};

const HUMAN_TRAFFICKING: { results: ResultSeed[]; indicators: IndicatorSeed[] } = {
  results: [
    { code: 'trafficking-reduced', level: 'ultimate', nameEn: 'People in Canada are protected from human trafficking', nameFr: 'Les personnes au Canada sont protégées contre la traite des personnes', contributesTo: [] },
    { code: 'victims-survivors-supported', level: 'intermediate', nameEn: 'Victims and survivors are empowered and supported to rebuild their lives', nameFr: 'Les victimes et les survivants sont outillés et soutenus pour rebâtir leur vie', contributesTo: ['trafficking-reduced'] },
    { code: 'trafficking-prevented', level: 'intermediate', nameEn: 'Human trafficking is prevented and offenders are held to account', nameFr: 'La traite des personnes est prévenue et les contrevenants sont tenus responsables', contributesTo: ['trafficking-reduced'] },
    { code: 'survivors-access-services', level: 'immediate', nameEn: 'Victims and survivors have access to trauma-informed services', nameFr: 'Les victimes et les survivants ont accès à des services tenant compte des traumatismes', contributesTo: ['victims-survivors-supported'] },
    { code: 'at-risk-aware', level: 'immediate', nameEn: 'At-risk populations know the signs of trafficking and where to get help', nameFr: 'Les populations à risque connaissent les signes de la traite et savent où obtenir de l’aide', contributesTo: ['trafficking-prevented'] },
    { code: 'practitioners-equipped', level: 'immediate', nameEn: 'Front-line and justice practitioners are equipped to identify and respond to trafficking', nameFr: 'Les intervenants de première ligne et de la justice sont outillés pour repérer la traite et y réagir', contributesTo: ['trafficking-prevented', 'victims-survivors-supported'] },
    { code: 'empowerment-output', level: 'output', pillar: 'empowerment', nameEn: 'Survivor-led and trauma-informed community empowerment projects delivered', nameFr: 'Projets d’autonomisation communautaires menés par des survivants et tenant compte des traumatismes', contributesTo: ['survivors-access-services'] },
    { code: 'prevention-output', level: 'output', pillar: 'prevention', nameEn: 'Awareness and prevention activities delivered to at-risk youth and workers', nameFr: 'Activités de sensibilisation et de prévention offertes aux jeunes et aux travailleurs à risque', contributesTo: ['at-risk-aware'] },
    { code: 'protection-output', level: 'output', pillar: 'protection', nameEn: 'Victims and survivors receive protection and support services', nameFr: 'Les victimes et les survivants reçoivent des services de protection et de soutien', contributesTo: ['survivors-access-services'] },
    { code: 'prosecution-output', level: 'output', pillar: 'prosecution', nameEn: 'Training and tools for law enforcement and prosecutors', nameFr: 'Formation et outils pour les forces de l’ordre et les procureurs', contributesTo: ['practitioners-equipped'] },
    { code: 'partnerships-output', level: 'output', pillar: 'partnerships', nameEn: 'Partnerships and data collection across governments and sectors', nameFr: 'Partenariats et collecte de données entre les gouvernements et les secteurs', contributesTo: ['practitioners-equipped'] },
  ],
  indicators: [
    {
      result: 'survivors-access-services', code: 'survivors-served',
      nameEn: 'Victims and survivors served by funded projects', nameFr: 'Victimes et survivants servis par les projets financés',
      definitionEn: 'Number of victims and survivors of human trafficking who received a service from a funded project (aggregate count, no personal information).',
      definitionFr: 'Nombre de victimes et de survivants de la traite qui ont reçu un service d’un projet financé (décompte agrégé, aucun renseignement personnel).',
      unit: 'count', methodEn: 'Aggregate counts in recipient progress reports; counts under 5 are suppressed.', methodFr: 'Décomptes agrégés dans les rapports d’étape; les nombres inférieurs à 5 sont supprimés.',
      sourceEn: 'Recipient progress reports', sourceFr: 'Rapports d’étape des bénéficiaires',
      frequency: 'semi_annual', baseline: ['0', '2021-22'], target: ['600', '2027-03-31'],
      gba: ['gender', 'age_group', 'indigenous_identity', 'two_slgbtqi_plus', 'newcomer_or_migrant', 'urban_rural_remote'],
    },
    {
      result: 'at-risk-aware', code: 'youth-at-risk-reached',
      nameEn: 'At-risk youth reached by prevention activities', nameFr: 'Jeunes à risque joints par les activités de prévention',
      definitionEn: 'Number of at-risk young people who took part in a funded prevention activity.',
      definitionFr: 'Nombre de jeunes à risque qui ont participé à une activité de prévention financée.',
      unit: 'count', methodEn: 'Attendance counts reported by recipients (aggregates only).', methodFr: 'Présences déclarées par les bénéficiaires (données agrégées seulement).',
      sourceEn: 'Recipient progress reports', sourceFr: 'Rapports d’étape des bénéficiaires',
      frequency: 'quarterly', baseline: ['0', '2021-22'], target: ['2500', '2027-03-31'],
      gba: ['gender', 'age_group', 'indigenous_identity'],
    },
    {
      result: 'practitioners-equipped', code: 'practitioners-trained',
      nameEn: 'Practitioners trained to identify trafficking', nameFr: 'Intervenants formés pour repérer la traite',
      unit: 'count', frequency: 'annual',
    },
  ],
};

const DEPARTMENTAL = {
  core: ['community-safety', 'Community Safety', 'Sécurité communautaire'] as Named,
  result: ['crime-prevented', 'Crime is prevented and addressed in communities', 'Le crime est prévenu et traité dans les collectivités'] as Named,
  indicators: [
    ['ocse-reports-forwarded', 'Reports of online child sexual exploitation forwarded to police', 'Signalements d’exploitation sexuelle des enfants en ligne transmis à la police'],
  ] as Named[],
};

/** Pillars funded by each program, approval limits (dollars) and the 2026-27 budget by pillar (dollars). */
/** The deputy head's limit in every program, from the department's instrument. */
const DEPUTY_HEAD_LIMIT_DOLLARS = 50_000_000n;

const PROGRAM_MONEY: Record<string, { pillars: Record<string, number>; officerLimit: number; managerLimit: number }> = {
  'serious-organized-crime': {
    pillars: { empowerment: 1_000_000, prevention: 1_200_000, protection: 1_000_000, prosecution: 300_000, partnerships: 500_000 },
    officerLimit: 250_000,
    managerLimit: 5_000_000,
  },
  'ice-units': { pillars: { 'detection-prosecution': 5_000_000 }, officerLimit: 250_000, managerLimit: 10_000_000 },
  'child-protection-online': {
    pillars: { 'prevention-awareness': 857_000, 'detection-prosecution': 2_760_000, 'partnerships-research': 200_000 },
    officerLimit: 250_000,
    managerLimit: 5_000_000,
  },
};

const BUDGET_YEARS = ['2025-26', '2026-27', '2027-28'];

async function seedFramework(tx: Tx, strategyCode: string, framework: { results: ResultSeed[]; indicators: IndicatorSeed[] }) {
  const strategy = await tx.selectFrom('strategy').select('id').where('code', '=', strategyCode).executeTakeFirstOrThrow();
  const pillars = await tx.selectFrom('pillar').select(['id', 'code']).where('strategyId', '=', strategy.id).execute();
  const positions: Partial<Record<LogicModelLevel, number>> = {};
  for (const r of framework.results) {
    positions[r.level] = (positions[r.level] ?? 0) + 1;
    const pillarId = r.pillar ? (pillars.find((p) => p.code === r.pillar)?.id ?? null) : null;
    await tx
      .insertInto('logicModelResult')
      .values({ strategyId: strategy.id, level: r.level, pillarId, code: r.code, position: positions[r.level]!, nameEn: r.nameEn, nameFr: r.nameFr })
      .onConflict((oc) => oc.columns(['strategyId', 'code']).doNothing())
      .execute();
  }
  const results = await tx.selectFrom('logicModelResult').select(['id', 'code']).where('strategyId', '=', strategy.id).execute();
  const idOf = (code: string) => {
    const found = results.find((r) => r.code === code);
    if (!found) throw new Error(`unknown result ${code}`);
    return found.id;
  };
  const links = framework.results.flatMap((r) => r.contributesTo.map((to) => ({ fromResultId: idOf(r.code), toResultId: idOf(to) })));
  if (links.length > 0) await tx.insertInto('logicModelLink').values(links).onConflict((oc) => oc.doNothing()).execute();
  for (const i of framework.indicators) {
    const dri = i.departmentalIndicator
      ? (await tx.selectFrom('departmentalResultIndicator').select('id').where('code', '=', i.departmentalIndicator).executeTakeFirstOrThrow()).id
      : null;
    await tx
      .insertInto('indicator')
      .values({
        resultId: idOf(i.result),
        code: i.code,
        nameEn: i.nameEn,
        nameFr: i.nameFr,
        definitionEn: i.definitionEn ?? null,
        definitionFr: i.definitionFr ?? null,
        unit: i.unit ?? null,
        direction: i.direction ?? 'higher_is_better',
        methodEn: i.methodEn ?? null,
        methodFr: i.methodFr ?? null,
        sourceEn: i.sourceEn ?? null,
        sourceFr: i.sourceFr ?? null,
        frequency: i.frequency ?? null,
        baselineValue: i.baseline?.[0] ?? null,
        baselineYear: i.baseline?.[1] ?? null,
        targetValue: i.target?.[0] ?? null,
        targetDate: i.target?.[1] ?? null,
        owner: i.owner ?? null,
        gbaDimensions: i.gba ?? [],
        departmentalResultIndicatorId: dri,
      })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  }
}

export async function seedPerformance(tx: Tx): Promise<void> {
  const [coreCode, coreEn, coreFr] = DEPARTMENTAL.core;
  await tx.insertInto('coreResponsibility').values({ code: coreCode, nameEn: coreEn, nameFr: coreFr }).onConflict((oc) => oc.column('code').doNothing()).execute();
  const core = await tx.selectFrom('coreResponsibility').select('id').where('code', '=', coreCode).executeTakeFirstOrThrow();
  const [resultCode, resultEn, resultFr] = DEPARTMENTAL.result;
  await tx
    .insertInto('departmentalResult')
    .values({ coreResponsibilityId: core.id, code: resultCode, nameEn: resultEn, nameFr: resultFr })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  const result = await tx.selectFrom('departmentalResult').select('id').where('code', '=', resultCode).executeTakeFirstOrThrow();
  for (const [code, nameEn, nameFr] of DEPARTMENTAL.indicators) {
    await tx
      .insertInto('departmentalResultIndicator')
      .values({ departmentalResultId: result.id, code, nameEn, nameFr })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  }

  await seedFramework(tx, 'child-exploitation-online', CHILD_EXPLOITATION);
  await seedFramework(tx, 'human-trafficking', HUMAN_TRAFFICKING);

  for (const [programCode, money] of Object.entries(PROGRAM_MONEY)) {
    const program = await tx.selectFrom('program').select(['id', 'strategyId']).where('code', '=', programCode).executeTakeFirstOrThrow();
    const pillars = await tx.selectFrom('pillar').select(['id', 'code']).where('strategyId', '=', program.strategyId).execute();
    for (const [pillarCode, dollars] of Object.entries(money.pillars)) {
      const pillar = pillars.find((p) => p.code === pillarCode);
      if (!pillar) throw new Error(`unknown pillar ${pillarCode}`);
      await tx.insertInto('programPillar').values({ programId: program.id, pillarId: pillar.id }).onConflict((oc) => oc.doNothing()).execute();
      for (const fiscalYear of BUDGET_YEARS) {
        await tx
          .insertInto('programBudget')
          .values({ programId: program.id, pillarId: pillar.id, fiscalYear, amountCents: BigInt(dollars) * 100n })
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
    }
    await tx
      .insertInto('programApprovalLimit')
      .values([
        { programId: program.id, role: 'program_officer', maxAmountCents: BigInt(money.officerLimit) * 100n },
        { programId: program.id, role: 'program_manager', maxAmountCents: BigInt(money.managerLimit) * 100n },
        // The deputy head signs what is above a program manager (the ongoing contributions, the bilateral agreements).
        { programId: program.id, role: 'deputy_head', maxAmountCents: DEPUTY_HEAD_LIMIT_DOLLARS * 100n },
      ])
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}
