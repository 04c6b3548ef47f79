/**
 * Demo agreements, built through the same services as the screens: Ka Ni Kanichihk's
 * application to the 2026 trauma-informed empowerment intake, screened, reviewed, recommended
 * and approved, waiting for its agreement; an active agreement with Legal Assistance of
 * Windsor signed on both sides; the bilateral ICE agreement with Alberta out for signature; and
 * the ongoing contribution to the Canadian Centre for Child Protection ($2.76M a year over three
 * years), signed by the Centre and waiting for the deputy head, since it is above a program
 * manager's limit. The recipient organisations are verified. Idempotent (keyed by the call title).
 */
import { SCREENING_CHECKLIST, type AgreementTerms } from '@tp/domain';
import type { ApiDeps } from '../context';
import { createAgreement } from '../agreements/create-agreement';
import { sendForSignature } from '../agreements/send-for-signature';
import { signAsRecipient, signForDepartment } from '../agreements/sign-agreement';
import { createDraft } from '../applications/create-draft';
import { saveSection } from '../applications/save-section';
import { submitApplication } from '../applications/submit-application';
import { assignReviewer } from '../applications/assign-reviewer';
import { decide } from '../applications/decide-application';
import { declareConflict } from '../applications/declare-conflict';
import { recommend } from '../applications/recommend-application';
import { saveScores, submitReview } from '../applications/score-application';
import { screenApplication } from '../applications/screen-application';
import { createCall } from '../calls/create-call';
import { moveCall } from '../calls/move-call';
import { verifyOrganisation } from '../organisations/verify-organisation';
import { idOf, meta, viewer } from './demo-people';

export const DEMO_APPROVED_CALL_TITLE_EN = 'Trauma-informed community empowerment projects: 2026 intake';
export const DEMO_APPROVED_APPLICATION_TITLE = 'Healing Circles: survivor-led support for Indigenous women in Winnipeg';

export async function seedDemoAgreements(deps: ApiDeps, now: Date): Promise<void> {
  const { db } = deps;
  const existing = await db.selectFrom('callForProposals').select('id').where('titleEn', '=', DEMO_APPROVED_CALL_TITLE_EN).executeTakeFirst();
  if (existing) return;
  const day = 86_400_000;
  const [officer, manager, reviewer, kaNi, windsor, centre] = await Promise.all(
    ['officer@example.ca', 'manager@example.ca', 'reviewer@example.ca', 'recipient@example.ca', 'recipient.windsor@example.ca', 'recipient.c3p@example.ca'].map((e) => viewer(db, e)),
  );
  if (!officer || !manager || !reviewer || !kaNi || !windsor || !centre) throw new Error('demo accounts missing');
  for (const orgId of [kaNi.organisationIds[0]!, windsor.organisationIds[0]!, centre.organisationIds[0]!]) await verifyOrganisation(db, officer, meta, orgId);

  const program = await db.selectFrom('program').select(['id', 'strategyId']).where('code', '=', 'serious-organized-crime').executeTakeFirstOrThrow();
  const pillar = async (strategyId: string, code: string) =>
    (await db.selectFrom('pillar').select('id').where('strategyId', '=', strategyId).where('code', '=', code).executeTakeFirstOrThrow()).id;
  const empowerment = await pillar(program.strategyId, 'empowerment');
  const survivorsServed = await idOf(db, 'indicator', 'survivors-served');

  // Ka Ni Kanichihk: approved, waiting for its agreement.
  const call = await createCall(db, officer, meta, {
    programId: program.id,
    streamId: await idOf(db, 'fundingStream', 'trauma-informed-empowerment'),
    pillarIds: [empowerment],
    titleEn: DEMO_APPROVED_CALL_TITLE_EN,
    titleFr: 'Projets d’autonomisation communautaires tenant compte des traumatismes : appel 2026',
    descriptionEn: 'Survivor-led and trauma-informed projects that help victims and survivors of human trafficking rebuild their lives.',
    descriptionFr: 'Projets menés par des survivantes et survivants et tenant compte des traumatismes, qui aident les victimes de la traite à rebâtir leur vie.',
    eligibleRecipientTypes: ['non_profit', 'indigenous_organisation'],
    eligibleProvinces: ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'],
    priorities: ['indigenous_led', 'survivor_led'],
    minAmountCents: 5_000_000n,
    maxAmountCents: 30_000_000n,
    maxDurationMonths: 36,
    firstFiscalYear: '2026-27',
    lastFiscalYear: '2028-29',
    opensAt: new Date(now.getTime() - 60 * day),
    closesAt: new Date(now.getTime() + 30 * day),
    indicatorIds: [survivorsServed],
    eligibilityQuestions: [
      { textEn: 'Is your organisation incorporated as a not-for-profit or Indigenous organisation?', textFr: 'Votre organisation est-elle constituée en organisme sans but lucratif ou en organisation autochtone?', expectedAnswer: true },
    ],
    criteria: [
      { nameEn: 'Need and population served', nameFr: 'Besoin et population servie', weight: 50 },
      { nameEn: 'Project design, capacity and budget', nameFr: 'Conception du projet, capacité et budget', weight: 50 },
    ],
  });
  await moveCall(db, officer, meta, call.id, 'published');
  const question = await db.selectFrom('callEligibilityQuestion').select('id').where('callId', '=', call.id).executeTakeFirstOrThrow();
  const app = await createDraft(db, kaNi, meta, { callId: call.id, organisationId: kaNi.organisationIds[0]! });
  const sections = [
    {
      section: 'project' as const,
      data: {
        title: DEMO_APPROVED_APPLICATION_TITLE,
        summary: 'Weekly healing circles, one-on-one support and land-based gatherings led by survivors and Elders.',
        objectives: 'Support 120 Indigenous women and girls who have survived trafficking; train 30 front-line workers.',
        targetPopulations: 'Indigenous women and girls, including youth aging out of care.',
        regionsServed: ['MB' as const],
        startDate: '2026-10-01',
        endDate: '2028-09-30',
      },
    },
    {
      section: 'workPlan' as const,
      data: {
        activities: [
          { title: 'Hire and train survivor peer mentors', description: 'Four peer mentors, trauma-informed training.', deliverables: 'Training completed', startDate: '2026-10-01', endDate: '2026-12-31' },
          { title: 'Weekly healing circles', description: 'Circles in Winnipeg and two First Nations communities.', deliverables: 'Circles held (aggregate counts)', startDate: '2027-01-01', endDate: '2028-06-30' },
          { title: 'Evaluation and knowledge sharing', description: 'External evaluation and a community report.', deliverables: 'Evaluation report', startDate: '2028-04-01', endDate: '2028-09-30' },
        ],
      },
    },
    {
      section: 'budget' as const,
      data: {
        lines: [
          { fiscalYear: '2026-27', category: 'salaries_benefits' as const, amountCents: 3_600_000n, justification: 'Coordinator and peer mentors' },
          { fiscalYear: '2026-27', category: 'materials_supplies' as const, amountCents: 400_000n, justification: 'Circle supplies' },
          { fiscalYear: '2027-28', category: 'salaries_benefits' as const, amountCents: 7_200_000n, justification: 'Coordinator and peer mentors' },
          { fiscalYear: '2027-28', category: 'travel' as const, amountCents: 800_000n, justification: 'Travel to two First Nations communities' },
          { fiscalYear: '2028-29', category: 'salaries_benefits' as const, amountCents: 3_000_000n, justification: 'Coordinator' },
          { fiscalYear: '2028-29', category: 'evaluation' as const, amountCents: 1_000_000n, justification: 'External evaluation' },
        ],
      },
    },
    { section: 'otherFunding' as const, data: { sources: [{ source: 'Province of Manitoba', kind: 'provincial_territorial' as const, amountCents: 2_000_000n, status: 'confirmed' as const }] } },
    { section: 'expectedResults' as const, data: { results: [{ indicatorId: survivorsServed, targetValue: '120', notes: 'Aggregate counts only.' }] } },
    {
      section: 'gbaPlus' as const,
      data: {
        populationsServed: 'Indigenous women and girls; 2SLGBTQI+ survivors; youth aging out of care.',
        barriers: ['cultural_safety' as const, 'remoteness' as const, 'transportation' as const],
        howAddressed: 'Circles led by Indigenous survivors and Elders; travel support; sessions in two First Nations.',
      },
    },
    { section: 'eligibility' as const, data: { answers: [{ questionId: question.id, answer: true }] } },
  ];
  for (const s of sections) await saveSection(db, kaNi, meta, { id: app.id, ...s });
  await submitApplication(db, deps, kaNi, meta, app.id);
  await screenApplication(db, officer, meta, {
    applicationId: app.id,
    checklist: Object.fromEntries(SCREENING_CHECKLIST.map((k) => [k, true])) as Record<(typeof SCREENING_CHECKLIST)[number], boolean>,
    eligible: true,
    reason: '',
  });
  await assignReviewer(db, manager, meta, { applicationId: app.id, reviewerId: reviewer.id });
  await declareConflict(db, reviewer, meta, { applicationId: app.id, conflict: 'none', note: '' });
  const criteria = await db.selectFrom('callCriterion').select('id').where('callId', '=', call.id).execute();
  await saveScores(db, reviewer, meta, { applicationId: app.id, scores: criteria.map((c) => ({ criterionId: c.id, score: 8, comment: 'Strong survivor leadership.' })) });
  await submitReview(db, reviewer, meta, app.id);
  await recommend(db, deps, officer, meta, { applicationId: app.id, outcome: 'fund', amountCents: null, rationale: 'Survivor-led, Indigenous-led, clear plan and realistic budget.' });
  await decide(db, deps, manager, meta, { applicationId: app.id, outcome: 'approved', amountCents: 16_000_000n, rationale: 'Approved as recommended.' });
  await moveCall(db, officer, meta, call.id, 'closed');

  // Legal Assistance of Windsor: a direct agreement, signed on both sides and active.
  const youth = await idOf(db, 'fundingStream', 'youth-at-risk-pilots');
  const prevention = await pillar(program.strategyId, 'prevention');
  const windsorTerms: AgreementTerms = {
    streamId: youth,
    pillarIds: [prevention],
    title: 'Legal clinic outreach for youth at risk of trafficking',
    titleFr: 'Sensibilisation juridique pour les jeunes à risque de traite',
    description: 'Legal information sessions and referrals for youth at risk of trafficking in Windsor-Essex.',
    descriptionFr: 'Séances d’information juridique et aiguillage pour les jeunes à risque de traite à Windsor-Essex.',
    expectedResultsEn: 'Youth at risk know their rights and where to get legal help; front-line workers refer them early.',
    expectedResultsFr: 'Les jeunes à risque connaissent leurs droits et savent où obtenir de l’aide juridique; les intervenants les aiguillent tôt.',
    startDate: '2026-04-01',
    endDate: '2028-03-31',
    totalCents: 24_000_000n,
    fiscalYears: [
      { fiscalYear: '2026-27', amountCents: 12_000_000n },
      { fiscalYear: '2027-28', amountCents: 12_000_000n },
    ],
    budget: [
      { fiscalYear: '2026-27', category: 'salaries_benefits', amountCents: 10_000_000n },
      { fiscalYear: '2026-27', category: 'travel', amountCents: 2_000_000n },
      { fiscalYear: '2027-28', category: 'salaries_benefits', amountCents: 10_500_000n },
      { fiscalYear: '2027-28', category: 'evaluation', amountCents: 1_500_000n },
    ],
    paymentBasis: 'advance',
    advanceFrequency: 'quarterly',
    holdback: { kind: 'percent', basisPoints: 1000n },
    riskLevel: 'medium',
    riskReasons: 'First agreement with the department; experienced legal clinic with audited statements.',
    reportingFrequency: 'quarterly',
    milestones: [
      { title: 'Outreach plan approved', deliverables: 'Outreach plan', dueDate: '2026-06-30', paymentCents: null },
      { title: 'Mid-term evaluation', deliverables: 'Evaluation report', dueDate: '2027-06-30', paymentCents: 2_000_000n },
    ],
    indicators: [{ indicatorId: await idOf(db, 'indicator', 'youth-at-risk-reached'), targetValue: '450' }],
    otherFunding: [{ source: 'City of Windsor', kind: 'municipal', amountCents: 1_500_000n, status: 'confirmed' }],
    specialConditions: 'Counts of participants are reported in aggregate only; no personal information about victims is collected.',
  };
  const windsorAgreement = await createAgreement(db, officer, meta, { programId: program.id, organisationId: windsor.organisationIds[0]!, applicationId: null, terms: windsorTerms });
  await sendForSignature(db, deps, officer, meta, windsorAgreement.id);
  await signAsRecipient(db, deps, windsor, meta, { agreementId: windsorAgreement.id, signerName: 'Sam Tremblay', signerTitle: 'Executive Director' });
  await signForDepartment(db, deps, manager, meta, windsorAgreement.id);

  // Alberta: the bilateral agreement for its Internet Child Exploitation unit, out for signature.
  const ice = await db.selectFrom('program').select(['id', 'strategyId']).where('code', '=', 'ice-units').executeTakeFirstOrThrow();
  const alberta = await db.selectFrom('organisation').select('id').where('legalNameEn', '=', 'Government of Alberta').executeTakeFirstOrThrow();
  const albertaAgreement = await createAgreement(db, officer, meta, {
    programId: ice.id,
    organisationId: alberta.id,
    applicationId: null,
    terms: {
      streamId: null,
      pillarIds: [await pillar(ice.strategyId, 'detection-prosecution')],
      title: 'Alberta Internet Child Exploitation unit: investigative capacity',
      titleFr: 'Groupe de lutte contre l’exploitation des enfants sur Internet de l’Alberta : capacité d’enquête',
      description: 'Investigators and digital forensic analysts for the Alberta ICE unit, to reduce the backlog of online child sexual exploitation files.',
      descriptionFr: 'Enquêteurs et analystes en informatique judiciaire pour le groupe de l’Alberta, afin de réduire l’arriéré des dossiers d’exploitation sexuelle des enfants en ligne.',
      expectedResultsEn: 'More children identified and protected; fewer files waiting for investigation.',
      expectedResultsFr: 'Plus d’enfants identifiés et protégés; moins de dossiers en attente d’enquête.',
      startDate: '2027-04-01',
      endDate: '2029-03-31',
      totalCents: 120_000_000n,
      fiscalYears: [
        { fiscalYear: '2027-28', amountCents: 60_000_000n },
        { fiscalYear: '2028-29', amountCents: 60_000_000n },
      ],
      budget: [
        { fiscalYear: '2027-28', category: 'salaries_benefits', amountCents: 50_000_000n },
        { fiscalYear: '2027-28', category: 'equipment', amountCents: 10_000_000n },
        { fiscalYear: '2028-29', category: 'salaries_benefits', amountCents: 55_000_000n },
        { fiscalYear: '2028-29', category: 'equipment', amountCents: 5_000_000n },
      ],
      paymentBasis: 'advance',
      advanceFrequency: 'semi_annual',
      holdback: { kind: 'percent', basisPoints: 500n },
      riskLevel: 'low',
      riskReasons: 'Provincial government with established financial controls and prior ICE agreements.',
      reportingFrequency: 'semi_annual',
      milestones: [],
      indicators: [{ indicatorId: await idOf(db, 'indicator', 'reports-forwarded-police'), targetValue: '1400' }],
      otherFunding: [],
      specialConditions: '',
    },
  });
  await sendForSignature(db, deps, officer, meta, albertaAgreement.id);

  // The Canadian Centre for Child Protection: the ongoing contribution to Cybertip.ca, $8.28M, above
  // a program manager's limit: signed by the Centre, it waits in the deputy head's queue.
  const childProtection = await db.selectFrom('program').select(['id', 'strategyId']).where('code', '=', 'child-protection-online').executeTakeFirstOrThrow();
  const years = ['2027-28', '2028-29', '2029-30'];
  const centreAgreement = await createAgreement(db, officer, meta, {
    programId: childProtection.id,
    organisationId: centre.organisationIds[0]!,
    applicationId: null,
    terms: {
      streamId: await idOf(db, 'fundingStream', 'cybertip'),
      pillarIds: [await pillar(childProtection.strategyId, 'detection-prosecution')],
      title: 'Cybertip.ca: national tipline for the online sexual exploitation of children, 2027-2030',
      description: 'Operation of Cybertip.ca, the national tipline: receiving and analysing reports from the public and forwarding them to police services.',
      titleFr: 'Cyberaide.ca : centrale nationale de signalement de l’exploitation sexuelle des enfants en ligne, 2027-2030',
      descriptionFr: 'Exploitation de Cyberaide.ca, la centrale nationale de signalement : recevoir et analyser les signalements du public et les transmettre aux services de police.',
      expectedResultsEn: 'Reports from the public triaged within two business days and forwarded to the police service of jurisdiction; more child victims identified.',
      expectedResultsFr: 'Les signalements du public sont triés en deux jours ouvrables et transmis au service de police compétent; davantage d’enfants victimes sont identifiés.',
      startDate: '2027-04-01',
      endDate: '2030-03-31',
      totalCents: 828_000_000n,
      fiscalYears: years.map((fiscalYear) => ({ fiscalYear, amountCents: 276_000_000n })),
      budget: years.flatMap((fiscalYear) => [
        { fiscalYear, category: 'salaries_benefits' as const, amountCents: 226_000_000n },
        { fiscalYear, category: 'equipment' as const, amountCents: 50_000_000n },
      ]),
      paymentBasis: 'advance',
      advanceFrequency: 'quarterly',
      holdback: { kind: 'percent', basisPoints: 500n },
      riskLevel: 'low',
      riskReasons: 'Long-standing recipient with audited statements and a record of accepted reports under earlier agreements.',
      reportingFrequency: 'quarterly',
      milestones: [],
      indicators: [{ indicatorId: await idOf(db, 'indicator', 'reports-forwarded-police'), targetValue: '30000' }],
      otherFunding: [],
      specialConditions: '',
    },
  });
  await sendForSignature(db, deps, officer, meta, centreAgreement.id);
  await signAsRecipient(db, deps, centre, meta, { agreementId: centreAgreement.id, signerName: 'Jordan Lavallée', signerTitle: 'Executive Director' });
}
