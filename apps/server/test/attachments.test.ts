import { createMailer, createMemoryFileStore, defaultApiConfig, hashPassword } from '@tp/api';
import { seedDemo, seedReference } from '@tp/db/seed';
import { createTestDatabase, type TestDatabase } from '@tp/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, SESSION_COOKIE } from '../src/server';

let t: TestDatabase;
let app: FastifyInstance;
let applicationId: string;

async function cookieFor(email: string) {
  const res = await app.inject({ method: 'POST', url: '/trpc/auth.signIn', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ json: { email, password: 'demo-password-2026' } }) });
  return `${SESSION_COOKIE}=${res.cookies.find((c) => c.name === SESSION_COOKIE)!.value}`;
}

function multipart(fileName: string, data: Buffer, contentType = 'application/pdf') {
  const boundary = '----tp-test-boundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(cookie: string, fileName: string, data: Buffer, extra: Record<string, string> = {}) {
  const { body, contentType } = multipart(fileName, data);
  return app.inject({ method: 'POST', url: `/attachments/${applicationId}`, headers: { cookie, 'content-type': contentType, ...extra }, payload: body });
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedReference(t.db);
  await seedDemo(t.db, { hashPassword });
  app = await buildServer({ deps: { db: t.db, mailer: createMailer({ from: 'x@example.ca' }), config: defaultApiConfig, files: createMemoryFileStore() }, logLevel: 'silent', webDist: null });
  // A draft application of Legal Assistance of Windsor to a published call (direct rows: the API tests cover creating them).
  const program = await t.db.selectFrom('program').select('id').where('code', '=', 'serious-organized-crime').executeTakeFirstOrThrow();
  const org = await t.db.selectFrom('organisation').select('id').where('legalNameEn', '=', 'Legal Assistance of Windsor').executeTakeFirstOrThrow();
  const user = await t.db.selectFrom('appUser').select('id').where('email', '=', 'recipient.windsor@example.ca').executeTakeFirstOrThrow();
  const call = await t.db
    .insertInto('callForProposals')
    .values({
      programId: program.id, streamId: null, titleEn: 'Call', titleFr: 'Appel', eligibleRecipientTypes: ['non_profit'], eligibleProvinces: ['ON'],
      minAmountCents: 0n, maxAmountCents: 1n, maxDurationMonths: 12, firstFiscalYear: '2026-27', lastFiscalYear: '2026-27',
      opensAt: new Date(), closesAt: new Date(Date.now() + 86_400_000), publishedAt: null, createdBy: user.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  applicationId = (await t.db.insertInto('application').values({ callId: call.id, organisationId: org.id, createdBy: user.id }).returning('id').executeTakeFirstOrThrow()).id;
});
afterAll(async () => {
  await app?.close();
  await t?.destroy();
});

const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048, 0x20)]);

describe('attachments over HTTP', () => {
  it('the owner uploads a PDF and downloads it; staff may read it; another organisation may not', async () => {
    const owner = await cookieFor('recipient.windsor@example.ca');
    const res = await upload(owner, 'Plan de projet.pdf', pdf);
    expect(res.statusCode).toBe(201);
    const saved = res.json() as { id: string; contentType: string; sizeBytes: number };
    expect(saved).toMatchObject({ contentType: 'application/pdf', sizeBytes: pdf.length });
    const get = await app.inject({ method: 'GET', url: `/attachments/${applicationId}/${saved.id}`, headers: { cookie: owner } });
    expect(get.statusCode).toBe(200);
    expect(get.headers['content-type']).toBe('application/pdf');
    expect(get.rawPayload.equals(pdf)).toBe(true);
    const officer = await cookieFor('officer@example.ca');
    expect((await app.inject({ method: 'GET', url: `/attachments/${applicationId}/${saved.id}`, headers: { cookie: officer } })).statusCode).toBe(200);
    const other = await cookieFor('recipient@example.ca');
    expect((await app.inject({ method: 'GET', url: `/attachments/${applicationId}/${saved.id}`, headers: { cookie: other } })).statusCode).toBe(404);
    expect((await upload(other, 'x.pdf', pdf)).statusCode).toBe(404);
    const reviewer = await cookieFor('reviewer@example.ca');
    expect((await app.inject({ method: 'GET', url: `/attachments/${applicationId}/${saved.id}`, headers: { cookie: reviewer } })).statusCode).toBe(404);
    const audit = await t.db.selectFrom('auditEvent').select('action').where('entityId', '=', applicationId).execute();
    expect(audit.map((a) => a.action)).toContain('attachment.add');
  });

  it('refuses a file of a forbidden type (by its bytes, whatever its name), one too big, and signed-out or cross-site uploads', async () => {
    const owner = await cookieFor('recipient.windsor@example.ca');
    const before = await t.db.selectFrom('applicationAttachment').select('id').where('applicationId', '=', applicationId).execute();
    const exe = await upload(owner, 'budget.pdf', Buffer.from('MZ\x90\x00\x03 pretending to be a PDF'));
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error.data).toMatchObject({ messageKey: 'error.attachment.type', field: 'file' });
    const big = await upload(owner, 'big.pdf', Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(10 * 1024 * 1024 + 10)]), { 'accept-language': 'fr-CA' });
    expect(big.statusCode).toBe(400);
    expect(big.json().error).toMatchObject({ data: { messageKey: 'error.attachment.tooLarge', params: { megabytes: 10 } } });
    expect(big.json().error.message).toContain('10 Mo');
    expect((await upload('', 'plan.pdf', pdf)).statusCode).toBe(401);
    expect((await upload(owner, 'plan.pdf', pdf, { origin: 'https://evil.example' })).statusCode).toBe(403);
    const after = await t.db.selectFrom('applicationAttachment').select('id').where('applicationId', '=', applicationId).execute();
    expect(after).toHaveLength(before.length);
  });
});
