/**
 * Organisation onboarding: a person registers themselves and their organisation, or a signed-in
 * person registers another organisation; either way they become its administrator. Possible
 * duplicates (same business number, or same name and province) are flagged for an officer, never
 * refused. An officer verifies an organisation; an administrator of the organisation invites
 * colleagues. These procedures name who may call each one (the access sets of packages/domain) and hand the
 * work to a command of this folder or to its queries.
 */
import { ORGANISATION_VERIFIERS } from '@tp/domain';
import { DomainError, emailSchema, displayNameSchema, languageSchema, organisationProfileInput, uuidSchema } from '@tp/domain';
import { z } from 'zod';
import { ORGANISATION_COLUMNS } from './access';
import { inviteColleague } from './invite-colleague';
import { possibleDuplicates } from './queries';
import { registerOrganisation } from './register-organisation';
import { updateOrganisation } from './update-organisation';
import { verifyOrganisation } from './verify-organisation';
import { authedProcedure, canReadOrganisation, roleProcedure, router, staffProcedure } from '../trpc';

export const organisationRouter = router({
  /** Department staff see every organisation, each with the ids of others that look like it. */
  list: staffProcedure.query(async ({ ctx }) => {
    const orgs = await ctx.db.selectFrom('organisation').select(ORGANISATION_COLUMNS).orderBy('legalNameEn').execute();
    return Promise.all(orgs.map(async (o) => ({ ...o, possibleDuplicateIds: (await possibleDuplicates(ctx.db, o)).map((d) => d.id) })));
  }),

  /** The organisations the signed-in recipient belongs to, and whether they administer each. */
  mine: authedProcedure.query(async ({ ctx }) => {
    if (ctx.user.organisationIds.length === 0) return [];
    return ctx.db
      .selectFrom('organisation')
      .innerJoin('membership', 'membership.organisationId', 'organisation.id')
      .select(ORGANISATION_COLUMNS.map((c) => `organisation.${c}` as const))
      .select('membership.isOrganisationAdmin')
      .where('membership.userId', '=', ctx.user.id)
      .orderBy('organisation.legalNameEn')
      .execute();
  }),

  /** One organisation: staff may read any; a recipient only its own (others look like they do not exist). */
  get: authedProcedure.input(z.object({ id: uuidSchema })).query(async ({ ctx, input }) => {
    if (!canReadOrganisation(ctx.user, input.id)) throw new DomainError('NOT_FOUND', 'error.notFound', 'id');
    const org = await ctx.db.selectFrom('organisation').select(ORGANISATION_COLUMNS).where('id', '=', input.id).executeTakeFirst();
    if (!org) throw new DomainError('NOT_FOUND', 'error.notFound', 'id');
    return org;
  }),

  /** A signed-in person registers an organisation and becomes its administrator. */
  register: authedProcedure.input(organisationProfileInput).mutation(({ ctx, input }) => registerOrganisation(ctx.db, ctx.user, ctx.meta, input)),

  update: authedProcedure.input(z.object({ id: uuidSchema, organisation: organisationProfileInput })).mutation(async ({ ctx, input }) => {
    const { needsVerification } = await updateOrganisation(ctx.db, ctx.user, ctx.meta, input.id, input.organisation);
    return { ok: true as const, needsVerification };
  }),

  verify: roleProcedure(...ORGANISATION_VERIFIERS).input(z.object({ id: uuidSchema })).mutation(async ({ ctx, input }) => {
    await verifyOrganisation(ctx.db, ctx.user, ctx.meta, input.id);
    return { ok: true as const };
  }),

  inviteColleague: authedProcedure
    .input(z.object({ organisationId: uuidSchema, email: emailSchema, displayName: displayNameSchema, preferredLanguage: languageSchema, asAdministrator: z.boolean() }))
    .mutation(({ ctx, input }) => inviteColleague(ctx.db, ctx, ctx.user, ctx.meta, input)),
});
