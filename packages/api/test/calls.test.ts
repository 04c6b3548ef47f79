import type { CallInput } from '@tp/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, rejection, type Harness } from './harness';

let h: Harness;
let base: CallInput;

async function indicatorId(code: string) {
  return (await h.t.db.selectFrom('indicator').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

beforeAll(async () => {
  h = await createHarness();
  const program = await h.t.db.selectFrom('program').select(['id', 'strategyId']).where('code', '=', 'serious-organized-crime').executeTakeFirstOrThrow();
  const stream = await h.t.db.selectFrom('fundingStream').select('id').where('code', '=', 'youth-at-risk-pilots').executeTakeFirstOrThrow();
  const pillar = await h.t.db.selectFrom('pillar').select('id').where('strategyId', '=', program.strategyId).where('code', '=', 'prevention').executeTakeFirstOrThrow();
  base = {
    programId: program.id,
    streamId: stream.id,
    pillarIds: [pillar.id],
    titleEn: 'Youth at risk pilot projects 2027',
    titleFr: 'Projets pilotes pour les jeunes à risque 2027',
    descriptionEn: 'Pilot projects that raise awareness of human trafficking among at-risk youth.',
    descriptionFr: 'Projets pilotes qui sensibilisent les jeunes à risque à la traite des personnes.',
    eligibleRecipientTypes: ['non_profit', 'indigenous_organisation'],
    eligibleProvinces: ['MB', 'ON', 'QC', 'BC'],
    priorities: ['youth', 'indigenous_led'],
    minAmountCents: 5_000_000n,
    maxAmountCents: 25_000_000n,
    maxDurationMonths: 24,
    firstFiscalYear: '2026-27',
    lastFiscalYear: '2027-28',
    opensAt: new Date(Date.now() - 86_400_000),
    closesAt: new Date(Date.now() + 30 * 86_400_000),
    indicatorIds: [await indicatorId('youth-at-risk-reached')],
    eligibilityQuestions: [{ textEn: 'Is your organisation incorporated?', textFr: 'Votre organisation est-elle constituée en personne morale?', expectedAnswer: true }],
    criteria: [
      { nameEn: 'Need and population served', nameFr: 'Besoin et population servie', weight: 60 },
      { nameEn: 'Capacity to deliver', nameFr: 'Capacité de réalisation', weight: 40 },
    ],
  };
});
afterAll(async () => {
  await h?.close();
});

describe('calls for proposals', () => {
  it('only program officers and administrators create or publish calls', async () => {
    for (const email of ['recipient@example.ca', 'analyst@example.ca', 'finance@example.ca', 'reviewer@example.ca', 'manager@example.ca']) {
      const { api } = await h.signInAs(email);
      expect((await rejection(api.calls.create(base))).code, email).toBe('FORBIDDEN');
    }
    const { api: officer } = await h.signInAs('officer@example.ca');
    const { id } = await officer.calls.create(base);
    const { api: recipient } = await h.signInAs('recipient@example.ca');
    expect((await rejection(recipient.calls.publish({ id }))).code).toBe('FORBIDDEN');
    const { api: admin } = await h.signInAs('admin@example.ca');
    await admin.calls.publish({ id });
    expect((await officer.calls.get({ id })).status).toBe('published');
  });

  it('a recipient sees published open calls, never drafts', async () => {
    const { api: officer } = await h.signInAs('officer@example.ca');
    const draft = await officer.calls.create({ ...base, titleEn: 'Draft call', titleFr: 'Appel en ébauche' });
    const open = await officer.calls.create({ ...base, titleEn: 'Open call', titleFr: 'Appel ouvert' });
    await officer.calls.publish({ id: open.id });
    const { api: recipient } = await h.signInAs('recipient@example.ca');
    const { calls } = await recipient.calls.list();
    const titles = calls.map((c) => c.titleEn);
    expect(titles).toContain('Open call');
    expect(titles).not.toContain('Draft call');
    expect(calls.find((c) => c.titleEn === 'Open call')?.isOpen).toBe(true);
    expect((await rejection(recipient.calls.get({ id: draft.id }))).code).toBe('NOT_FOUND');
    const seen = await recipient.calls.get({ id: open.id });
    expect(seen.criteria.map((c) => c.weight)).toEqual([60, 40]);
    expect(seen.titleFr).toBe('Appel ouvert');
    // Staff see both.
    expect((await officer.calls.list()).calls.map((c) => c.titleEn)).toEqual(expect.arrayContaining(['Draft call', 'Open call']));
  });

  it('refuses an indicator that is not ready, naming it and what it lacks, in the user’s language', async () => {
    const { api: officer } = await h.signInAs('officer@example.ca');
    const notReady = await indicatorId('practitioners-trained');
    const before = (await officer.calls.list()).calls.length;
    const r = await rejection(officer.calls.create({ ...base, indicatorIds: [notReady] }));
    expect(r).toMatchObject({ code: 'BAD_REQUEST', messageKey: 'error.indicator.notReady', field: 'indicatorIds' });
    expect((await officer.calls.list()).calls.length).toBe(before);
    // The database refuses it as well, whatever the code does.
    const call = await h.t.db.selectFrom('callForProposals').select('id').where('status', '=', 'draft').executeTakeFirstOrThrow();
    await expect(h.t.db.insertInto('callIndicator').values({ callId: call.id, indicatorId: notReady }).execute()).rejects.toThrow(/foreign key/);
  });

  it('refuses bad rules, naming the field, and saves nothing', async () => {
    const { api: officer } = await h.signInAs('officer@example.ca');
    const before = (await officer.calls.list()).calls.length;
    const cases: [Partial<CallInput>, string][] = [
      [{ criteria: [{ nameEn: 'Need', nameFr: 'Besoin', weight: 70 }] }, 'criteria'],
      [{ closesAt: new Date(Date.now() - 2 * 86_400_000) }, 'closesAt'],
      [{ maxAmountCents: 100n }, 'maxAmountCents'],
      [{ titleFr: ' ' }, 'titleFr'],
    ];
    for (const [change, field] of cases) {
      const r = await rejection(officer.calls.create({ ...base, ...change }));
      expect(r.code, field).toBe('BAD_REQUEST');
      expect(r.zodFields, field).toEqual([field]);
    }
    expect((await officer.calls.list()).calls.length).toBe(before);
  });

  it('a published call keeps its rules: only its description can be corrected, and that is audited', async () => {
    const { api: officer } = await h.signInAs('officer@example.ca');
    const { id } = await officer.calls.create(base);
    await officer.calls.publish({ id });
    const r = await rejection(officer.calls.updateDraft({ id, call: { ...base, maxAmountCents: 99_000_000n } }));
    expect(r).toMatchObject({ code: 'CONFLICT', messageKey: 'error.call.notDraft' });
    await officer.calls.correctDescription({ id, descriptionEn: 'Corrected.', descriptionFr: 'Corrigé.' });
    const call = await officer.calls.get({ id });
    expect(call).toMatchObject({ descriptionEn: 'Corrected.', maxAmountCents: 25_000_000n });
    const actions = await h.t.db.selectFrom('auditEvent').select('action').where('entityId', '=', id).orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['create', 'publish', 'correct_description']);
    // The database refuses a rule change on a published call, and new criteria.
    await expect(h.t.db.updateTable('callForProposals').set({ maxAmountCents: 1n }).where('id', '=', id).execute()).rejects.toThrow(/cannot change/);
    await expect(h.t.db.insertInto('callCriterion').values({ callId: id, position: 9, nameEn: 'x', nameFr: 'x', weight: 5 }).execute()).rejects.toThrow(/cannot change/);
  });

  it('follows the lifecycle: a closed or cancelled call cannot be published again', async () => {
    const { api: officer } = await h.signInAs('officer@example.ca');
    const { id } = await officer.calls.create(base);
    await officer.calls.publish({ id });
    await officer.calls.close({ id });
    expect(await rejection(officer.calls.publish({ id }))).toMatchObject({ code: 'CONFLICT', messageKey: 'error.call.transition' });
    expect((await rejection(officer.calls.cancel({ id }))).code).toBe('CONFLICT');
    const { api: recipient } = await h.signInAs('recipient@example.ca');
    expect((await recipient.calls.list()).calls.find((c) => c.id === id)?.isOpen ?? false).toBe(false);
  });
});

describe('performance measurement framework', () => {
  it('shows the logic model with each indicator’s readiness and what it lacks', async () => {
    const { api } = await h.signInAs('analyst@example.ca');
    const fw = await api.performance.framework({ strategyCode: 'child-exploitation-online' });
    expect(fw.results.filter((r) => r.level === 'immediate')).toHaveLength(10);
    const all = fw.results.flatMap((r) => r.indicators);
    expect(all.find((i) => i.code === 'removal-within-a-day')).toMatchObject({ isReady: true, missing: [], baselineValue: '28.0000', baselineYear: '2017-18' });
    expect(all.find((i) => i.code === 'youth-reached')?.missing).toEqual(['target']);
    expect(all.find((i) => i.code === 'units-backlog-reduced')?.missing).toEqual(['definition', 'method', 'source', 'target']);
    const departmental = await api.performance.departmentalIndicators();
    expect(departmental.map((d) => d.code)).toEqual(['ocse-reports-forwarded']);
    expect(all.find((i) => i.code === 'reports-forwarded-police')?.departmentalResultIndicatorId).toBe(departmental[0]!.id);
    const ready = await api.performance.indicators({ readyOnly: true });
    expect(ready.every((i) => i.isReady)).toBe(true);
  });

  it('an analyst completes an indicator, which becomes ready; a recipient cannot edit indicators', async () => {
    const { api } = await h.signInAs('analyst@example.ca');
    const current = (await api.performance.indicators()).find((i) => i.code === 'youth-reached')!;
    const saved = await api.performance.saveIndicator({
      id: current.id,
      indicator: {
        outcomeId: current.resultId,
        code: current.code,
        nameEn: current.nameEn,
        nameFr: current.nameFr,
        definitionEn: current.definitionEn,
        definitionFr: current.definitionFr,
        unit: current.unit,
        direction: current.direction,
        methodEn: current.methodEn,
        methodFr: current.methodFr,
        sourceEn: current.sourceEn,
        sourceFr: current.sourceFr,
        frequency: current.frequency,
        baselineValue: '19000',
        baselineYear: current.baselineYear,
        targetValue: '21000',
        targetDate: '2027-03-31',
        owner: null,
        gbaDimensions: current.gbaDimensions,
        departmentalResultIndicatorId: null,
      },
    });
    expect(saved.isReady).toBe(true);
    const { api: recipient } = await h.signInAs('recipient@example.ca');
    expect((await rejection(recipient.performance.indicators())).code).toBe('FORBIDDEN');
  });
});
