/**
 * tRPC set-up: the context, the error shape every client reads, and the procedures by role.
 * A procedure for a role checks, on the server, that the signed-in user holds that role;
 * `recipientProcedure` also hands the procedure the organisations the user may see.
 */
import { acceptInputText, ADMINISTRATORS, DEPARTMENT_ROLES, DomainError, holds, type Role } from '@tp/domain';
import { translate } from '@tp/i18n';
import { initTRPC, TRPCError } from '@trpc/server';
import { wireTransformer } from './wire';
import { ZodError } from 'zod';
import type { Context } from './context';
import { toTRPCError } from './errors';
import type { SessionUser } from './auth/resolve-session';

export interface FieldError {
  /** Dotted path of the input field, e.g. "email" or "memberships.0.organisationId". */
  field: string;
  messageKey: string;
  message: string;
}

export interface ErrorData {
  code: string;
  httpStatus: number;
  messageKey: string;
  field: string | null;
  params: Record<string, string | number> | null;
  fieldErrors: FieldError[];
}

/**
 * Who may call a procedure, declared on the procedure itself (the authorization test reads it
 * from the router): anyone, any signed-in user (the service then limits what they see), or the
 * holders of some roles.
 */
export type Access = { kind: 'public' } | { kind: 'signedIn' } | { kind: 'roles'; roles: readonly Role[] };
export interface ProcedureMeta {
  access: Access;
}

const t = initTRPC.context<Context>().meta<ProcedureMeta>().create({
  transformer: wireTransformer,
  isDev: false,
  errorFormatter({ shape, error, ctx }) {
    const lang = ctx?.meta.lang ?? 'en';
    const domain = error.cause instanceof DomainError ? error.cause : null;
    const fieldErrors: FieldError[] =
      error.cause instanceof ZodError
        ? error.cause.issues.map((issue) => {
            const key = issue.message.startsWith('error.') ? issue.message : 'error.invalid';
            return { field: issue.path.join('.'), messageKey: key, message: translate(lang, key) };
          })
        : [];
    let messageKey: string;
    if (domain) messageKey = domain.messageKey;
    else if (fieldErrors.length > 0) messageKey = fieldErrors[0]!.messageKey;
    else if (error.code === 'PARSE_ERROR' || error.code === 'BAD_REQUEST') messageKey = 'error.badRequest';
    else if (error.code === 'UNAUTHORIZED') messageKey = 'error.unauthenticated';
    else if (error.code === 'FORBIDDEN') messageKey = 'error.forbidden';
    else if (error.code === 'NOT_FOUND') messageKey = 'error.notFound';
    else if (error.code === 'SERVICE_UNAVAILABLE') messageKey = 'error.unavailable';
    else if (error.code === 'METHOD_NOT_SUPPORTED') messageKey = 'error.methodNotAllowed';
    else if (error.code === 'PAYLOAD_TOO_LARGE') messageKey = 'error.tooLarge';
    else if (error.code === 'UNSUPPORTED_MEDIA_TYPE') messageKey = 'error.unsupportedMediaType';
    else messageKey = error.message.startsWith('error.') ? error.message : 'error.internal';
    const params = domain?.params
      ? Object.fromEntries(Object.entries(domain.params).map(([k, v]) => [k, typeof v === 'object' ? v[lang] : v]))
      : null;
    const data: ErrorData = {
      code: shape.data.code,
      httpStatus: shape.data.httpStatus,
      messageKey,
      field: domain?.field ?? fieldErrors[0]?.field ?? null,
      params,
      fieldErrors,
    };
    // No stack, no SQL, no internals: only what the user needs, in their language.
    return { code: shape.code, message: translate(lang, messageKey, params ?? undefined), data };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Every procedure: failures mapped in one place (domain errors, unavailable database). */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) throw toTRPCError(result.error);
  return result;
});

/**
 * Every string of every input, at the edge (packages/domain/src/text.ts): NUL and lone surrogates
 * refused naming the field, control characters and bidirectional overrides removed, NFC.
 */
const acceptTextInput = t.middleware(async ({ getRawInput, next }) => {
  const verdict = acceptInputText(await getRawInput());
  if (!verdict.ok) throw new DomainError('BAD_INPUT', 'error.text.forbiddenCharacter', verdict.field || undefined);
  return next({ getRawInput: async () => verdict.value });
});

export const publicProcedure = t.procedure.use(mapErrors).use(acceptTextInput).meta({ access: { kind: 'public' } });

export const authedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const user = await ctx.session();
  if (!user) {
    if (ctx.sessionToken) ctx.cookie.clear();
    throw new DomainError('UNAUTHENTICATED', ctx.sessionToken ? 'error.sessionExpired' : 'error.unauthenticated');
  }
  return next({ ctx: { user } });
}).meta({ access: { kind: 'signedIn' } });

/** Only users holding one of `roles` get through. */
export function roleProcedure(...roles: Role[]) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!holds(ctx.user, roles)) throw new DomainError('FORBIDDEN', 'error.forbidden');
    return next({ ctx: { user: ctx.user } });
  }).meta({ access: { kind: 'roles', roles } });
}

/** Department staff: every role but recipient. */
export const staffProcedure = roleProcedure(...DEPARTMENT_ROLES);

export const adminProcedure = roleProcedure(...ADMINISTRATORS);

/** A recipient acts for its own organisations only: the procedure gets their ids. */
export const recipientProcedure = roleProcedure('recipient').use(({ ctx, next }) =>
  next({ ctx: { organisationIds: ctx.user.organisationIds } }),
);

/** May this user read the records of this organisation? Staff: yes. Recipients: only their own. */
export function isStaff(user: Pick<SessionUser, 'roles'>): boolean {
  return holds(user, DEPARTMENT_ROLES);
}

export function canReadOrganisation(user: SessionUser, organisationId: string): boolean {
  if (isStaff(user)) return true;
  return user.organisationIds.includes(organisationId);
}

export { TRPCError };
