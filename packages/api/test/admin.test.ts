import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, rejection, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

function linkToken(body: string): string {
  const m = /token=([A-Za-z0-9_-]+)/.exec(body);
  if (!m?.[1]) throw new Error(`no link in ${body}`);
  return m[1];
}

async function lastMailTo(address: string) {
  return h.t.db.selectFrom('mailMessage').selectAll().where('toAddress', '=', address).orderBy('createdAt', 'desc').executeTakeFirstOrThrow();
}

describe('administration', () => {
  it('invites a user by email in their language; the invitation sets a password once, then they sign in', async () => {
    const { api } = await h.signInAs('admin@example.ca');
    const orgId = await h.organisationId('PLEA Community Services Society of BC');
    await api.admin.inviteUser({
      email: 'Coordinator@PLEA.example.ca',
      displayName: 'Jo Coordinator',
      preferredLanguage: 'fr',
      memberships: [{ role: 'recipient', organisationId: orgId }],
    });
    await h.deliveries();
    const mail = await lastMailTo('coordinator@plea.example.ca');
    expect(mail.status).toBe('sent');
    expect(mail.subject).toBe('Invitation au Portail des paiements de transfert');
    expect(mail.bodyText).toContain('Adam Clarke');
    const token = linkToken(mail.bodyText);

    // Invited, not yet active: cannot sign in.
    expect((await rejection(h.caller().api.auth.signIn({ email: 'coordinator@plea.example.ca', password: 'a-brand-new-password' }))).code).toBe('UNAUTHORIZED');
    const mismatch = await rejection(h.caller().api.auth.acceptInvitation({ token, password: 'a-brand-new-password', confirmPassword: 'something-else-entirely' }));
    expect(mismatch.zodFields).toEqual(['confirmPassword']);
    await h.caller().api.auth.acceptInvitation({ token, password: 'a-brand-new-password', confirmPassword: 'a-brand-new-password' });
    const again = await rejection(h.caller().api.auth.acceptInvitation({ token, password: 'another-password-123', confirmPassword: 'another-password-123' }));
    expect(again).toMatchObject({ code: 'BAD_REQUEST', messageKey: 'error.token.invalid', field: 'token' });

    const { api: coordinator } = await h.signInAs('coordinator@plea.example.ca', 'a-brand-new-password');
    expect((await coordinator.organisation.mine()).map((o) => o.id)).toEqual([orgId]);
    const audit = await h.t.db.selectFrom('auditEvent').select(['action', 'actorUserId']).where('entityId', '=', await h.userId('coordinator@plea.example.ca')).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['invite', 'invitation_accepted', 'sign_in']);
  });

  it('refuses a second account for the same email, and writes nothing', async () => {
    const { api } = await h.signInAs('admin@example.ca');
    const users = (await api.admin.users()).length;
    const mails = (await h.t.db.selectFrom('mailMessage').select('id').execute()).length;
    const r = await rejection(api.admin.inviteUser({ email: 'officer@example.ca', displayName: 'Twin', preferredLanguage: 'en', memberships: [{ role: 'reviewer', organisationId: null }] }));
    expect(r).toMatchObject({ code: 'CONFLICT', field: 'email' });
    expect((await api.admin.users()).length).toBe(users);
    expect((await h.t.db.selectFrom('mailMessage').select('id').execute()).length).toBe(mails);
  });

  it('refuses a recipient role without an organisation, naming the field', async () => {
    const { api } = await h.signInAs('admin@example.ca');
    const r = await rejection(api.admin.inviteUser({ email: 'x@example.ca', displayName: 'X', preferredLanguage: 'en', memberships: [{ role: 'recipient', organisationId: null }] }));
    expect(r.code).toBe('BAD_REQUEST');
    expect(r.zodFields).toEqual(['memberships.0.organisationId']);
    const unknown = await rejection(
      api.admin.inviteUser({
        email: 'y@example.ca',
        displayName: 'Y',
        preferredLanguage: 'en',
        memberships: [
          { role: 'reviewer', organisationId: null },
          { role: 'recipient', organisationId: '00000000-0000-4000-8000-000000000000' },
        ],
      }),
    );
    expect(unknown).toMatchObject({ code: 'BAD_REQUEST', messageKey: 'error.membership.unknownOrganisation', field: 'memberships.1.organisationId' });
  });

  it('changes roles, audited with before and after; an administrator cannot change their own', async () => {
    const { api } = await h.signInAs('admin@example.ca');
    const reviewer = await h.userId('reviewer@example.ca');
    await api.admin.setMemberships({ userId: reviewer, memberships: [{ role: 'reviewer', organisationId: null }, { role: 'program_officer', organisationId: null }] });
    const { api: reviewerApi } = await h.signInAs('reviewer@example.ca');
    expect((await reviewerApi.auth.session())?.roles).toEqual(['program_officer', 'reviewer']);
    const event = await h.t.db.selectFrom('auditEvent').selectAll().where('action', '=', 'set_memberships').executeTakeFirstOrThrow();
    expect(event.before).toEqual({ memberships: [{ role: 'reviewer', organisationId: null }] });
    const self = await rejection(api.admin.setMemberships({ userId: await h.userId('admin@example.ca'), memberships: [{ role: 'finance_officer', organisationId: null }] }));
    expect(self).toMatchObject({ code: 'FORBIDDEN', messageKey: 'error.user.self' });
  });

  it('deactivating a user ends their sessions and stops them signing in; reactivating restores access', async () => {
    const { api } = await h.signInAs('admin@example.ca');
    const { api: finance, token } = await h.signInAs('finance@example.ca');
    await expect(finance.reference.fiscalYears()).resolves.toBeTruthy();
    await api.admin.setUserActive({ userId: await h.userId('finance@example.ca'), active: false });
    expect((await rejection(h.caller(token).api.reference.fiscalYears())).code).toBe('UNAUTHORIZED');
    expect((await rejection(h.caller().api.auth.signIn({ email: 'finance@example.ca', password: 'demo-password-2026' }))).code).toBe('UNAUTHORIZED');
    await api.admin.setUserActive({ userId: await h.userId('finance@example.ca'), active: true });
    await h.signInAs('finance@example.ca');
  });

  it('resets a password by emailed link: single use, and it expires', async () => {
    await h.caller().api.auth.requestPasswordReset({ email: 'nobody@example.ca' }); // same answer, no mail
    expect(await h.t.db.selectFrom('mailMessage').select('id').where('toAddress', '=', 'nobody@example.ca').execute()).toEqual([]);

    await h.caller().api.auth.requestPasswordReset({ email: 'manager@example.ca' });
    const mail = await lastMailTo('manager@example.ca');
    expect(mail.language).toBe('fr');
    const token = linkToken(mail.bodyText);
    const { token: oldSession } = await h.signInAs('manager@example.ca');
    await h.caller().api.auth.completePasswordReset({ token, password: 'manager-new-password', confirmPassword: 'manager-new-password' });
    expect(await h.caller(oldSession).api.auth.session()).toBeNull();
    expect((await rejection(h.caller().api.auth.completePasswordReset({ token, password: 'yet-another-password', confirmPassword: 'yet-another-password' }))).messageKey).toBe('error.token.invalid');
    await h.signInAs('manager@example.ca', 'manager-new-password');

    await h.caller().api.auth.requestPasswordReset({ email: 'manager@example.ca' });
    const expiring = linkToken((await lastMailTo('manager@example.ca')).bodyText);
    await h.t.db.updateTable('userToken').set({ createdAt: new Date(Date.now() - 7_200_000), expiresAt: new Date(Date.now() - 1000) }).where('usedAt', 'is', null).execute();
    expect((await rejection(h.caller().api.auth.completePasswordReset({ token: expiring, password: 'too-late-password', confirmPassword: 'too-late-password' }))).messageKey).toBe('error.token.invalid');
  });

  it('shows sent mail to administrators in demo mode only', async () => {
    const { api } = await h.signInAs('admin@example.ca');
    expect((await api.admin.sentMail()).length).toBeGreaterThan(0);
    const production = await createHarness({ demo: false });
    try {
      const { api: prodAdmin } = await production.signInAs('admin@example.ca');
      expect(await rejection(prodAdmin.admin.sentMail())).toMatchObject({ code: 'FORBIDDEN', messageKey: 'error.demoOnly' });
    } finally {
      await production.close();
    }
  });

  it('lists the latest audit events for administrators', async () => {
    const { api } = await h.signInAs('admin@example.ca');
    const events = await api.admin.auditEvents({ limit: 5 });
    expect(events).toHaveLength(5);
    expect(events[0]!.id > events[1]!.id).toBe(true);
  });
});
