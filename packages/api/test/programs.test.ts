import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, rejection, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

async function programId(code: string) {
  return (await h.t.db.selectFrom('program').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

describe('programs and their money', () => {
  it('lists programs with pillars, streams and budget by fiscal year', async () => {
    const { api } = await h.signInAs('manager@example.ca');
    const programs = await api.program.list();
    const soc = programs.find((p) => p.code === 'serious-organized-crime')!;
    expect(soc.pillars.map((p) => p.code)).toEqual(['empowerment', 'prevention', 'protection', 'prosecution', 'partnerships']);
    expect(soc.budgetByFiscalYear.find((b) => b.fiscalYear === '2026-27')?.amountCents).toBe(400_000_000n);
  });

  it('an officer sets a fiscal year’s budget row, audited with before and after; a row with a pillar outside the program saves nothing', async () => {
    const { api } = await h.signInAs('officer@example.ca');
    const id = await programId('child-protection-online');
    const program = await api.program.get({ id });
    const [first, second] = program.pillars;
    await api.program.setBudgetRow({ programId: id, fiscalYear: '2026-27', lines: [{ pillarId: first!.id, amountCents: 90_000_001n }, { pillarId: second!.id, amountCents: 280_000_000n }] });
    const after = await api.program.get({ id });
    expect(after.budget.filter((b) => b.fiscalYear === '2026-27').map((b) => b.amountCents).sort()).toEqual([20_000_000n, 280_000_000n, 90_000_001n].sort());
    const event = await h.t.db.selectFrom('auditEvent').selectAll().where('action', '=', 'set_budget').executeTakeFirstOrThrow();
    expect(event.before).toMatchObject({ fiscalYear: '2026-27' });
    const outside = program.strategyPillars.find((p) => !program.pillars.some((x) => x.id === p.id))!;
    const r = await rejection(
      api.program.setBudgetRow({ programId: id, fiscalYear: '2027-28', lines: [{ pillarId: first!.id, amountCents: 1n }, { pillarId: outside.id, amountCents: 1n }] }),
    );
    expect(r).toMatchObject({ code: 'BAD_REQUEST', field: 'lines.1.pillarId' });
    // All or nothing: the first line of the refused row was not saved either.
    const unchanged = await api.program.get({ id });
    expect(unchanged.budget.find((b) => b.fiscalYear === '2027-28' && b.pillarId === first!.id)?.amountCents).toBe(85_700_000n);
  });

  it('updates terms: stacking limit and pillars; refuses dropping a funded pillar; the approval limits that bind an officer are not the officer’s to change', async () => {
    const { api } = await h.signInAs('officer@example.ca');
    const id = await programId('child-protection-online');
    const p = await api.program.get({ id });
    const limitsBefore = await h.t.db.selectFrom('programApprovalLimit').select(['role', 'maxAmountCents']).where('programId', '=', id).orderBy('role').execute();
    const input = {
      code: p.code,
      strategyId: p.strategyId,
      nameEn: p.nameEn,
      nameFr: p.nameFr,
      descriptionEn: p.descriptionEn,
      descriptionFr: p.descriptionFr,
      transferPaymentType: p.transferPaymentType,
      stackingLimitBp: 7600,
      pillarIds: p.pillars.map((x) => x.id),
    };
    // An officer who sends limits with the terms (as the old form did) changes the terms only.
    await api.program.save({ id, program: { ...input, officerApprovalLimitCents: 999_999_999_00n, managerApprovalLimitCents: 999_999_999_00n } as typeof input });
    expect(await api.program.get({ id })).toMatchObject({ stackingLimitBp: 7600, officerApprovalLimitCents: p.officerApprovalLimitCents, managerApprovalLimitCents: p.managerApprovalLimitCents });
    expect(await h.t.db.selectFrom('programApprovalLimit').select(['role', 'maxAmountCents']).where('programId', '=', id).orderBy('role').execute()).toEqual(limitsBefore);
    const r = await rejection(api.program.save({ id, program: { ...input, pillarIds: [p.pillars[0]!.id] } }));
    expect(r).toMatchObject({ code: 'CONFLICT', messageKey: 'error.pillar.hasBudget' });
    expect((await api.program.get({ id })).pillars).toHaveLength(p.pillars.length);
    expect((await rejection(api.program.save({ id, program: { ...input, stackingLimitBp: 12_000 } }))).zodFields).toEqual(['program.stackingLimitBp']);
  });

  it('adds a funding stream; only officers and administrators manage programs', async () => {
    const { api } = await h.signInAs('admin@example.ca');
    const id = await programId('serious-organized-crime');
    await api.program.addStream({ programId: id, code: 'migrant-workers', nameEn: 'Migrant worker projects', nameFr: 'Projets pour les travailleurs migrants' });
    expect((await api.program.get({ id })).streams.map((s) => s.code)).toContain('migrant-workers');
    for (const email of ['manager@example.ca', 'finance@example.ca', 'recipient@example.ca']) {
      const { api: other } = await h.signInAs(email);
      expect((await rejection(other.program.addStream({ programId: id, code: 'x-stream', nameEn: 'X', nameFr: 'X' }))).code, email).toBe('FORBIDDEN');
    }
  });
});
