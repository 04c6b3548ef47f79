/**
 * Every string of every input passes packages/domain/src/text.ts before the procedure sees it: a
 * NUL or a lone surrogate is refused naming the field and nothing is written; control characters
 * and bidirectional overrides are removed and the text is stored in NFC (read back with raw SQL).
 */
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
