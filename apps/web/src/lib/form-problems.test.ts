import { signInInput } from '@tp/domain';
import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { problemsFromError, problemsFromIssues } from './form-problems';

function serverError(data: object): TRPCClientError<never> {
  return new TRPCClientError('refused', { result: { error: { code: -32600, message: 'refused', data } } as never });
}

describe('form problems', () => {
  it('puts zod issues on the fields the form shows', () => {
    const parsed = signInInput.safeParse({ email: 'nope', password: '' });
    expect(parsed.success).toBe(false);
    const problems = problemsFromIssues(parsed.error!.issues, ['email', 'password']);
    expect(problems.fields).toEqual({ email: { key: 'error.email.invalid' }, password: { key: 'error.password.required' } });
    expect(problems.form).toBeNull();
  });

  it('puts a server error on the field it names, with its parameters', () => {
    const error = serverError({ code: 'TOO_MANY_REQUESTS', messageKey: 'error.signIn.locked', field: 'email', params: { minutes: 15 }, fieldErrors: [] });
    const problems = problemsFromError(error, ['email', 'password']);
    expect(problems.fields['email']).toEqual({ key: 'error.signIn.locked', params: { minutes: 15 } });
    expect(problems.form).toBeNull();
  });

  it('puts field errors by path, and what no field shows at the top of the form', () => {
    const error = serverError({
      code: 'BAD_REQUEST',
      messageKey: 'error.membership.organisationRequired',
      field: 'memberships.0.organisationId',
      params: null,
      fieldErrors: [
        { field: 'memberships.0.organisationId', messageKey: 'error.membership.organisationRequired' },
        { field: 'userId', messageKey: 'error.id.invalid' },
      ],
    });
    const problems = problemsFromError(error, (f) => f.startsWith('memberships.'));
    expect(problems.fields).toEqual({ 'memberships.0.organisationId': { key: 'error.membership.organisationRequired' } });
    expect(problems.form).toEqual({ key: 'error.id.invalid' });
  });

  it('says the service is unavailable when the answer is not from our server', () => {
    expect(problemsFromError(new TypeError('Failed to fetch')).form).toEqual({ key: 'error.unavailable' });
    expect(problemsFromError(serverError({})).form).toEqual({ key: 'error.unavailable' });
  });
});
