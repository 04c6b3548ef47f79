import { DomainError, uuidSchema } from '@tp/domain';
import { z } from 'zod';
import { authedProcedure, canReadOrganisation, router, staffProcedure } from '../trpc';

const COLUMNS = [
  'id',
  'legalNameEn',
  'legalNameFr',
  'type',
  'provinceOrTerritory',
  'businessNumber',
  'isIndigenousLed',
  'isSurvivorLed',
] as const;

export const organisationRouter = router({
  /** Department staff see every organisation. */
  list: staffProcedure.query(({ ctx }) =>
    ctx.db.selectFrom('organisation').select(COLUMNS).orderBy('legalNameEn').execute(),
  ),

  /** The organisations the signed-in recipient belongs to. */
  mine: authedProcedure.query(({ ctx }) =>
    ctx.user.organisationIds.length === 0
      ? []
      : ctx.db.selectFrom('organisation').select(COLUMNS).where('id', 'in', ctx.user.organisationIds).orderBy('legalNameEn').execute(),
  ),

  /** One organisation: staff may read any; a recipient only its own (others look like they do not exist). */
  get: authedProcedure.input(z.object({ id: uuidSchema })).query(async ({ ctx, input }) => {
    if (!canReadOrganisation(ctx.user, input.id)) throw new DomainError('NOT_FOUND', 'error.notFound', 'id');
    const org = await ctx.db.selectFrom('organisation').select(COLUMNS).where('id', '=', input.id).executeTakeFirst();
    if (!org) throw new DomainError('NOT_FOUND', 'error.notFound', 'id');
    return org;
  }),
});
