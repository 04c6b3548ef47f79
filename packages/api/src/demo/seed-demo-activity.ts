/**
 * Demo activity, so that a new user finds something on every screen: a published, open call for
 * proposals, a submitted application from Legal Assistance of Windsor and a draft from
 * Ka Ni Kanichihk. Built through the same services the screens use, so the data obey every rule
 * (and write the same audit trail). Demo mode only; idempotent (keyed by the call's title).
 */
import type { ApiDeps } from '../context';
import { createDraft } from '../applications/create-draft';
import { saveSection } from '../applications/save-section';
import { submitApplication } from '../applications/submit-application';
import { createCall } from '../calls/create-call';
import { moveCall } from '../calls/move-call';
import { idOf, meta, viewer } from './demo-people';
import { seedDemoAgreements } from './seed-demo-agreements';

export const DEMO_CALL_TITLE_EN = 'Youth at risk pilot projects: 2027 intake';

export async function seedDemoActivity(deps: ApiDeps, now = new Date()): Promise<void> {
  await seedDemoApplications(deps, now);
  await seedDemoAgreements(deps, now);
}

async function seedDemoApplications(deps: ApiDeps, now: Date): Promise<void> {
  const { db } = deps;
  const existing = await db.selectFrom('callForProposals').select('id').where('titleEn', '=', DEMO_CALL_TITLE_EN).executeTakeFirst();
  if (existing) return;

  const officer = await viewer(db, 'officer@example.ca');
  const program = await db.selectFrom('program').select(['id', 'strategyId']).where('code', '=', 'serious-organized-crime').executeTakeFirstOrThrow();
  const prevention = await db.selectFrom('pillar').select('id').where('strategyId', '=', program.strategyId).where('code', '=', 'prevention').executeTakeFirstOrThrow();
  const day = 86_400_000;
  const call = await createCall(db, officer, meta, {
    programId: program.id,
    streamId: await idOf(db, 'fundingStream', 'youth-at-risk-pilots'),
    pillarIds: [prevention.id],
    titleEn: DEMO_CALL_TITLE_EN,
    titleFr: 'Projets pilotes pour les jeunes à risque : appel 2027',
    descriptionEn:
      'Community organisations may apply for up to $250,000 over two fiscal years for innovative projects that raise awareness of human trafficking among at-risk youth and help them protect themselves.',
    descriptionFr:
      'Les organismes communautaires peuvent demander jusqu’à 250 000 $ sur deux exercices pour des projets novateurs qui sensibilisent les jeunes à risque à la traite des personnes et les aident à se protéger.',
    eligibleRecipientTypes: ['non_profit', 'indigenous_organisation', 'academic'],
    eligibleProvinces: ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'],
    priorities: ['youth', 'indigenous_led', 'survivor_led'],
    minAmountCents: 5_000_000n,
    maxAmountCents: 25_000_000n,
    maxDurationMonths: 24,
    firstFiscalYear: '2026-27',
    lastFiscalYear: '2028-29',
    opensAt: new Date(now.getTime() - 14 * day),
    closesAt: new Date(now.getTime() + 75 * day),
    indicatorIds: [await idOf(db, 'indicator', 'youth-at-risk-reached')],
    eligibilityQuestions: [
      { textEn: 'Is your organisation incorporated as a not-for-profit or Indigenous organisation?', textFr: 'Votre organisation est-elle constituée en organisme sans but lucratif ou en organisation autochtone?', expectedAnswer: true },
      { textEn: 'Will any personal information about victims be collected for reporting?', textFr: 'Des renseignements personnels sur des victimes seront-ils recueillis aux fins des rapports?', expectedAnswer: false },
    ],
    criteria: [
      { nameEn: 'Need and population served', nameFr: 'Besoin et population servie', weight: 40 },
      { nameEn: 'Project design and work plan', nameFr: 'Conception du projet et plan de travail', weight: 35 },
      { nameEn: 'Capacity and budget', nameFr: 'Capacité et budget', weight: 25 },
    ],
  });
  await moveCall(db, officer, meta, call.id, 'published');

  const questions = await db.selectFrom('callEligibilityQuestion').select(['id', 'expectedAnswer']).where('callId', '=', call.id).orderBy('position').execute();
  const indicatorId = await idOf(db, 'indicator', 'youth-at-risk-reached');

  // Legal Assistance of Windsor: complete and submitted.
  const windsor = await viewer(db, 'recipient.windsor@example.ca');
  const submitted = await createDraft(db, windsor, meta, { callId: call.id, organisationId: windsor.organisationIds[0]! });
  const sections = [
    {
      section: 'project' as const,
      data: {
        title: 'Safe Futures: trafficking awareness for youth in Windsor-Essex',
        summary: 'Workshops in schools and youth centres on recruitment tactics, online luring and where to get help, co-designed with survivors.',
        objectives: 'Reach 600 at-risk youth; train 40 youth workers; publish a referral guide in English and French.',
        targetPopulations: 'Youth aged 13 to 24, including youth in care and newcomer youth.',
        regionsServed: ['ON' as const],
        startDate: '2027-04-01',
        endDate: '2029-03-31',
      },
    },
    {
      section: 'workPlan' as const,
      data: {
        activities: [
          { title: 'Co-design workshops with survivors', description: 'Four design sessions with a survivor advisory circle.', deliverables: 'Workshop curriculum', startDate: '2027-04-01', endDate: '2027-06-30' },
          { title: 'Deliver workshops', description: 'Forty workshops in schools and youth centres.', deliverables: 'Attendance counts (aggregate)', startDate: '2027-07-01', endDate: '2029-02-28' },
        ],
      },
    },
    {
      section: 'budget' as const,
      data: {
        lines: [
          { fiscalYear: '2027-28', category: 'salaries_benefits' as const, amountCents: 6_500_000n, justification: 'Project coordinator, 0.8 FTE' },
          { fiscalYear: '2027-28', category: 'materials_supplies' as const, amountCents: 800_000n, justification: 'Workshop materials, printing' },
          { fiscalYear: '2028-29', category: 'salaries_benefits' as const, amountCents: 6_700_000n, justification: 'Project coordinator, 0.8 FTE' },
          { fiscalYear: '2028-29', category: 'evaluation' as const, amountCents: 1_200_000n, justification: 'External evaluation' },
        ],
      },
    },
    { section: 'otherFunding' as const, data: { sources: [{ source: 'City of Windsor', kind: 'municipal' as const, amountCents: 1_000_000n, status: 'confirmed' as const }] } },
    { section: 'expectedResults' as const, data: { results: [{ indicatorId, targetValue: '600', notes: 'Counted per workshop, aggregate only.' }] } },
    {
      section: 'gbaPlus' as const,
      data: {
        populationsServed: 'Newcomer youth, Indigenous youth, 2SLGBTQI+ youth and youth in care.',
        barriers: ['language' as const, 'cultural_safety' as const, 'transportation' as const],
        howAddressed: 'Workshops in English, French and Arabic; transit tickets; an Indigenous co-facilitator.',
      },
    },
    { section: 'eligibility' as const, data: { answers: questions.map((q) => ({ questionId: q.id, answer: q.expectedAnswer })) } },
  ];
  for (const s of sections) await saveSection(db, windsor, meta, { id: submitted.id, ...s });
  await submitApplication(db, deps, windsor, meta, submitted.id);

  // Ka Ni Kanichihk: a draft in progress.
  const kaNi = await viewer(db, 'recipient@example.ca');
  const draft = await createDraft(db, kaNi, meta, { callId: call.id, organisationId: kaNi.organisationIds[0]! });
  await saveSection(db, kaNi, meta, {
    id: draft.id,
    section: 'project',
    data: {
      title: 'Strong Spirits: Indigenous youth trafficking prevention in Winnipeg',
      summary: '',
      objectives: '',
      targetPopulations: 'Indigenous youth aged 12 to 21, including youth aging out of care.',
      regionsServed: ['MB'],
      startDate: '2027-04-01',
      endDate: null,
    },
  });
}
