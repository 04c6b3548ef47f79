import { GcdsButton, GcdsHeading } from '@cdssnc/gcds-components-react';
import { setMembershipsInput, type Role } from '@tp/domain';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { isMembershipField, MembershipPicker, toMembershipInput, type MembershipRow, type OrganisationOption } from '../../components/membership-picker';
import { DataTable } from '../../components/data-table';
import { ProblemNotice, SuccessNotice, FormProblemNotice } from '../../components/notices';
import { useT } from '../../i18n/language';
import { NO_PROBLEMS, problemsFromError, problemsFromIssues, type FormProblems, type Problem } from '../../lib/form-problems';
import { queryClient, trpc } from '../../lib/trpc';
import { ConfirmAct } from '../../components/confirm-act';

export interface AdminUser {
  id: string;
  email: string;
  displayName: string;
  status: 'invited' | 'active' | 'deactivated';
  lastSignInAt: Date | string | null;
  memberships: { role: Role; organisationId: string | null; organisationNameEn: string | null; organisationNameFr: string | null }[];
}

interface Outcome {
  userId: string;
  problem: Problem | null;
  message: string | null;
}

export function UsersTable({ users, organisations }: { users: readonly AdminUser[]; organisations: readonly OrganisationOption[] }) {
  const { t, pick, formatDateTime } = useT();
  const [editing, setEditing] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const setActive = useMutation(trpc.admin.setUserActive.mutationOptions());

  async function toggleActive(user: AdminUser) {
    setOutcome(null);
    try {
      await setActive.mutateAsync({ userId: user.id, active: user.status === 'deactivated' });
      setOutcome({ userId: user.id, problem: null, message: t('admin.statusSaved', { name: user.displayName }) });
      await queryClient.invalidateQueries({ queryKey: trpc.admin.pathKey() });
    } catch (error) {
      setOutcome({ userId: user.id, problem: problemsFromError(error).form, message: null });
    }
  }

  return (
    <section aria-labelledby="users-heading" className="tp-section">
      <GcdsHeading tag="h2" id="users-heading">
        {t('admin.users')}
      </GcdsHeading>
      <DataTable
        caption={t('admin.usersCaption')}
        rows={users}
        rowKey={(user) => user.id}
        rowProps={(user) => ({ 'data-user-email': user.email })}
        columns={[
          { header: t('admin.name'), rowHeader: true, cell: (user) => user.displayName },
          { header: t('admin.email'), cell: (user) => user.email },
          { header: t('admin.status'), cell: (user) => t(`admin.status.${user.status}`) },
          {
            header: t('admin.roles'),
            cell: (user) => (
              <ul className="tp-plain-list">
                {user.memberships.map((m, i) => (
                  <li key={i}>
                    {t(`role.${m.role}`)}
                    {m.organisationNameEn ? ` — ${pick(m.organisationNameEn, m.organisationNameFr ?? m.organisationNameEn)}` : ''}
                  </li>
                ))}
              </ul>
            ),
          },
          { header: t('admin.lastSignIn'), cell: (user) => (user.lastSignInAt ? formatDateTime(user.lastSignInAt) : t('common.never')) },
          {
            header: t('admin.actions'),
            cell: (user) => (
              <div className="tp-row-actions">
                <GcdsButton type="button" buttonRole="secondary" size="small" onGcdsClick={() => setEditing(editing === user.id ? null : user.id)}>
                  {t('admin.changeRoles', { name: user.displayName })}
                </GcdsButton>
                {user.status === 'deactivated' ? (
                  <GcdsButton type="button" buttonRole="secondary" size="small" onGcdsClick={() => toggleActive(user)}>
                    {t('admin.reactivate', { name: user.displayName })}
                  </GcdsButton>
                ) : (
                  <ConfirmAct
                    label={t('admin.deactivate', { name: user.displayName })}
                    question={t('admin.deactivateQuestion', { name: user.displayName })}
                    yes={t('admin.deactivateYes')}
                    danger
                    size="small"
                    onConfirm={() => toggleActive(user)}
                  />
                )}
              </div>
            ),
          },
        ]}
        rowDetail={(user) => [
          outcome?.userId === user.id ? (
            <>
              <ProblemNotice problem={outcome.problem} />
              {outcome.message ? <SuccessNotice>{outcome.message}</SuccessNotice> : null}
            </>
          ) : null,
          editing === user.id ? (
            <RolesEditor
              user={user}
              organisations={organisations}
              onDone={(message) => {
                setEditing(null);
                setOutcome(message ? { userId: user.id, problem: null, message } : null);
              }}
            />
          ) : null,
        ]}
      />
    </section>
  );
}

function RolesEditor({ user, organisations, onDone }: { user: AdminUser; organisations: readonly OrganisationOption[]; onDone(message: string | null): void }) {
  const { t } = useT();
  const [rows, setRows] = useState<MembershipRow[]>(() => user.memberships.map((m) => ({ role: m.role, organisationId: m.organisationId ?? '' })));
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const save = useMutation(trpc.admin.setMemberships.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = setMembershipsInput.safeParse({ userId: user.id, memberships: toMembershipInput(rows) });
    if (!parsed.success) {
      setProblems(problemsFromIssues(parsed.error.issues, isMembershipField));
      return;
    }
    setProblems(NO_PROBLEMS);
    try {
      await save.mutateAsync(parsed.data);
    } catch (error) {
      setProblems(problemsFromError(error, isMembershipField));
      return;
    }
    await queryClient.invalidateQueries({ queryKey: trpc.admin.pathKey() });
    onDone(t('admin.rolesSaved', { name: user.displayName }));
  }

  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby={`roles-${user.id}`} className="tp-inline-form">
      <h3 id={`roles-${user.id}`}>{t('admin.changeRoles', { name: user.displayName })}</h3>
      <FormProblemNotice problems={problems} />
      <MembershipPicker idPrefix={`user-${user.id}`} rows={rows} onChange={setRows} organisations={organisations} problems={problems} />
      <div className="tp-actions">
        <GcdsButton type="submit" disabled={save.isPending}>
          {t('admin.saveRoles')}
        </GcdsButton>
        <GcdsButton type="button" buttonRole="secondary" onGcdsClick={() => onDone(null)}>
          {t('admin.cancel')}
        </GcdsButton>
      </div>
    </form>
  );
}
