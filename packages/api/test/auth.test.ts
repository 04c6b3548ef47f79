import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, rejection, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('sign-in', () => {
  it('succeeds with the right password: a session cookie is set and the session knows the user and role', async () => {
    const { api, jar } = h.caller();
    await expect(api.auth.session()).resolves.toBeNull();
    await api.auth.signIn({ email: 'Officer@Example.ca ', password: 'demo-password-2026' });
    expect(jar.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const session = await h.caller(jar.token).api.auth.session();
    expect(session).toMatchObject({ email: 'officer@example.ca', roles: ['program_officer'] });
    // Only the token's hash is stored.
    const stored = await h.t.db.selectFrom('userSession').select('id').execute();
    expect(stored.map((s) => s.id)).not.toContain(jar.token);
  });

  it('fails with a wrong password or an unknown email, the same way, and sets no cookie', async () => {
    const { api, jar } = h.caller();
    const wrong = await rejection(api.auth.signIn({ email: 'analyst@example.ca', password: 'not-the-password' }));
    const unknown = await rejection(api.auth.signIn({ email: 'nobody@example.ca', password: 'not-the-password' }));
    expect(wrong).toEqual({ code: 'UNAUTHORIZED', messageKey: 'error.signIn.invalid', field: 'email', zodFields: [] });
    expect(unknown).toEqual(wrong);
    expect(jar.token).toBeNull();
  });

  it('refuses malformed input and names the field, changing nothing', async () => {
    const before = await h.t.db.selectFrom('auditEvent').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const r = await rejection(h.caller().api.auth.signIn({ email: 'not-an-email', password: '' }));
    expect(r.code).toBe('BAD_REQUEST');
    expect(r.zodFields.sort()).toEqual(['email', 'password']);
    const after = await h.t.db.selectFrom('auditEvent').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toEqual(before.n);
  });

  it('locks the account after five failures in a row, even against the right password, and audits it', async () => {
    const email = 'reviewer@example.ca';
    for (let i = 0; i < 4; i++) {
      expect((await rejection(h.caller().api.auth.signIn({ email, password: `wrong-${i}` }))).code).toBe('UNAUTHORIZED');
    }
    expect((await rejection(h.caller().api.auth.signIn({ email, password: 'wrong-5' }))).code).toBe('TOO_MANY_REQUESTS');
    const locked = await rejection(h.caller().api.auth.signIn({ email, password: 'demo-password-2026' }));
    expect(locked).toMatchObject({ code: 'TOO_MANY_REQUESTS', messageKey: 'error.signIn.locked' });
    const actions = await h.t.db
      .selectFrom('auditEvent')
      .select('action')
      .where('entityId', '=', await h.userId(email))
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([...Array(4).fill('sign_in_failed'), 'sign_in_locked']);
    // When the lock runs out, the right password works again and the counter starts over.
    await h.t.db.updateTable('appUser').set({ lockedUntil: new Date(Date.now() - 1000) }).where('email', '=', email).execute();
    await h.signInAs(email);
    const user = await h.t.db.selectFrom('appUser').select(['failedSignIns', 'lockedUntil']).where('email', '=', email).executeTakeFirstOrThrow();
    expect(user).toEqual({ failedSignIns: 0, lockedUntil: null });
  });

  it('an expired session is refused as expired and its cookie cleared', async () => {
    const { api, token } = await h.signInAs('finance@example.ca');
    await expect(api.reference.fiscalYears()).resolves.toBeTruthy();
    await h.t.db.updateTable('userSession').set({ expiresAt: new Date(Date.now() - 1000), createdAt: new Date(Date.now() - 5000) }).where('userId', '=', await h.userId('finance@example.ca')).execute();
    const { api: expired, jar } = h.caller(token);
    expect(await rejection(expired.reference.fiscalYears())).toMatchObject({ code: 'UNAUTHORIZED', messageKey: 'error.sessionExpired' });
    expect(jar.cleared).toBe(true);
  });

  it('an idle session ends after the idle limit', async () => {
    const { api } = await h.signInAs('manager@example.ca');
    await h.t.db.updateTable('userSession').set({ lastSeenAt: new Date(Date.now() - (h.config.session.idleMinutes + 1) * 60_000) }).where('userId', '=', await h.userId('manager@example.ca')).execute();
    expect((await rejection(api.reference.strategies())).code).toBe('UNAUTHORIZED');
  });

  it('sign-out kills the session on the server, not just the cookie', async () => {
    const { token } = await h.signInAs('analyst@example.ca');
    const { api, jar } = h.caller(token);
    await api.auth.signOut();
    expect(jar.cleared).toBe(true);
    expect(await h.caller(token).api.auth.session()).toBeNull();
    expect((await rejection(h.caller(token).api.reference.strategies())).code).toBe('UNAUTHORIZED');
  });

  it('remembers the language a user chooses', async () => {
    const { api, token } = await h.signInAs('recipient.windsor@example.ca');
    await api.auth.setLanguage({ language: 'fr' });
    expect((await h.caller(token).api.auth.session())?.preferredLanguage).toBe('fr');
  });
});
