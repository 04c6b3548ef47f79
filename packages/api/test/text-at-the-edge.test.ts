/**
 * Every string of every input passes packages/domain/src/text.ts before the procedure sees it: a
 * NUL or a lone surrogate is refused naming the field and nothing is written; control characters
 * and bidirectional overrides are removed and the text is stored in NFC (read back with raw SQL).
 */
import { organisationProfileInput } from '@tp/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, rejection, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('text at the edge', () => {
  it('refuses a NUL or a lone surrogate naming the field, and writes nothing', async () => {
    const { api } = await h.signInAs('admin@example.ca');
    const programId = (await h.t.db.selectFrom('program').select('id').where('code', '=', 'serious-organized-crime').executeTakeFirstOrThrow()).id;
    const before = await h.t.db.selectFrom('fundingStream').select('id').execute();
    for (const [field, value] of [['nameEn', 'Migrant\u0000 workers'], ['nameFr', 'Travailleurs \ud800']] as const) {
      const input = { programId, code: 'edge-stream', nameEn: 'Migrant worker projects', nameFr: 'Projets pour les travailleurs migrants', [field]: value };
      expect(await rejection(api.program.addStream(input))).toMatchObject({ code: 'BAD_REQUEST', messageKey: 'error.text.forbiddenCharacter', field });
    }
    expect(await h.t.db.selectFrom('fundingStream').select('id').execute()).toHaveLength(before.length);
  });

  it('removes control characters and bidirectional overrides, and stores NFC', async () => {
    const { api } = await h.signInAs('admin@example.ca');
    const programId = (await h.t.db.selectFrom('program').select('id').where('code', '=', 'serious-organized-crime').executeTakeFirstOrThrow()).id;
    await api.program.addStream({ programId, code: 'edge-stream-2', nameEn: 'Migrant\u202e workers\u0007', nameFr: 'Proje\u0301ts\u001b' });
    const { rows } = await sql<{ en: string; fr: string }>`select name_en as en, name_fr as fr from funding_stream where code = 'edge-stream-2'`.execute(h.t.db);
    expect(rows).toEqual([{ en: 'Migrant workers', fr: 'Projéts' }]);
    expect(rows[0]!.fr.length).toBe(7);
  });
});

describe('no existence oracle', () => {
  it('an organisation that is not yours and one that does not exist get the same answer', async () => {
    const { api: windsor } = await h.signInAs('recipient.windsor@example.ca');
    const kaNi = await h.t.db.selectFrom('organisation').selectAll().where('legalNameEn', '=', 'Ka Ni Kanichihk Inc.').executeTakeFirstOrThrow();
    const row = kaNi as unknown as Record<string, unknown>;
    const profile = { ...Object.fromEntries(Object.keys(organisationProfileInput.shape).map((k) => [k, row[k]])), addressLine: '1 Main Street', city: 'Elsewhere', postalCode: 'R3B 0A1', contactName: 'Someone Else', contactEmail: 'someone@example.ca', contactPhone: '204-555-0100' } as never;
    expect(organisationProfileInput.safeParse(profile).success).toBe(true);
    const notYours = await rejection(windsor.organisation.update({ id: kaNi.id, organisation: profile }));
    const missing = await rejection(windsor.organisation.update({ id: '00000000-0000-4000-8000-000000000000', organisation: profile }));
    expect(notYours).toMatchObject({ code: 'NOT_FOUND', messageKey: 'error.notFound' });
    expect(missing).toEqual(notYours);
    expect((await h.t.db.selectFrom('organisation').select('city').where('id', '=', kaNi.id).executeTakeFirstOrThrow()).city).toBe(kaNi.city);
  });
});
