/**
 * The one place that turns a failure into messages for a form: zod issues from the client-side
 * check, or a TRPCClientError's data from the server. Problems on a field the form shows go
 * next to that field; everything else goes at the top of the form.
 */
import { TRPCClientError } from '@trpc/client';

export interface Problem {
  /** An i18n message key, e.g. "error.email.invalid". */
  key: string;
  params?: Record<string, string | number>;
}

export interface FormProblems {
  fields: Record<string, Problem>;
  form: Problem | null;
}

export const NO_PROBLEMS: FormProblems = { fields: {}, form: null };

interface ServerErrorData {
  messageKey?: string;
  field?: string | null;
  params?: Record<string, string | number> | null;
  fieldErrors?: { field: string; messageKey: string }[];
}

interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

function place(problems: FormProblems, field: string | null, problem: Problem, shows: (field: string) => boolean): void {
  if (field !== null && shows(field)) {
    problems.fields[field] ??= problem;
  } else {
    problems.form ??= problem;
  }
}

function asPredicate(fields: readonly string[] | ((field: string) => boolean)): (field: string) => boolean {
  return typeof fields === 'function' ? fields : (field) => fields.includes(field);
}

/** Problems from a zod validation (messages are i18n keys). */
export function problemsFromIssues(issues: readonly Issue[], fields: readonly string[] | ((field: string) => boolean)): FormProblems {
  const shows = asPredicate(fields);
  const problems: FormProblems = { fields: {}, form: null };
  for (const issue of issues) {
    const key = issue.message.startsWith('error.') ? issue.message : 'error.invalid';
    place(problems, issue.path.map(String).join('.'), { key }, shows);
  }
  return problems;
}

/** Problems from whatever a mutation or query threw. */
export function problemsFromError(error: unknown, fields: readonly string[] | ((field: string) => boolean) = []): FormProblems {
  const shows = asPredicate(fields);
  const problems: FormProblems = { fields: {}, form: null };
  if (!(error instanceof TRPCClientError)) {
    problems.form = { key: 'error.unavailable' };
    return problems;
  }
  const data = (error.data ?? {}) as ServerErrorData;
  if (!data.messageKey) {
    // No answer from our server (network down, proxy page): nothing was changed.
    problems.form = { key: 'error.unavailable' };
    return problems;
  }
  for (const fe of data.fieldErrors ?? []) place(problems, fe.field, { key: fe.messageKey }, shows);
  if (!(data.fieldErrors ?? []).length) {
    place(problems, data.field ?? null, { key: data.messageKey, ...(data.params ? { params: data.params } : {}) }, shows);
  }
  return problems;
}

/** The server's error code (e.g. "FORBIDDEN"), if the failure came from it. */
export function errorCode(error: unknown): string | null {
  if (!(error instanceof TRPCClientError)) return null;
  return ((error.data ?? {}) as { code?: string }).code ?? null;
}
