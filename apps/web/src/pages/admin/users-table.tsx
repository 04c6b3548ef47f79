import { GcdsButton, GcdsHeading } from '@cdssnc/gcds-components-react';
import { setMembershipsInput, type Role } from '@tp/domain';
import { useMutation } from '@tanstack/react-query';
import { Fragment, useState, type FormEvent } from 'react';
import { isMembershipField, MembershipPicker, toMembershipInput, type MembershipRow, type OrganisationOption } from '../../components/membership-picker';
import { ProblemNotice, SuccessNotice } from '../../components/notices';
import { useT } from '../../i18n/language';
import { NO_PROBLEMS, problemsFromError, problemsFromIssues, type FormProblems, type Problem } from '../../lib/form-problems';
import { queryClient, trpc } from '../../lib/trpc';

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
  const { t } = useT();
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
      <div className="tp-table-wrap">
        <table className="tp-table">
          <caption>{t('admin.usersCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.name')}</th>
              <th scope="col">{t('admin.email')}</th>
              <th scope="col">{t('admin.status')}</th>
              <th scope="col">{t('admin.roles')}</th>
              <th scope="col">{t('admin.lastSignIn')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <Fragment key={user.id}>
                <UserRow user={user} onEdit={() => setEditing(editing === user.id ? null : user.id)} onToggleActive={() => toggleActive(user)} />
                {outcome?.userId === user.id ? (
                  <tr>
                    <td colSpan={6}>
                      <ProblemNotice problem={outcome.problem} />
                      {outcome.message ? <SuccessNotice>{outcome.message}</SuccessNotice> : null}
                    </td>
                  </tr>
                ) : null}
                {editing === user.id ? (
                  <tr>
                    <td colSpan={6}>
                      <RolesEditor
                        user={user}
                        organisations={organisations}
                        onDone={(message) => {
                          setEditing(null);
                          setOutcome(message ? { userId: user.id, problem: null, message } : null);
                        }}
                      />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function UserRow({ user, onEdit, onToggleActive }: { user: AdminUser; onEdit(): void; onToggleActive(): void }) {
  const { t, pick, formatDateTime } = useT();
  return (
    <tr data-user-email={user.email}>
      <th scope="row">{user.displayName}</th>
      <td>{user.email}</td>
      <td>{t(`admin.status.${user.status}`)}</td>
      <td>
        <ul className="tp-plain-list">
          {user.memberships.map((m, i) => (
            <li key={i}>
              {t(`role.${m.role}`)}
              {m.organisationNameEn ? ` — ${pick(m.organisationNameEn, m.organisationNameFr ?? m.organisationNameEn)}` : ''}
            </li>
          ))}
        </ul>
      </td>
      <td>{user.lastSignInAt ? formatDateTime(user.lastSignInAt) : t('common.never')}</td>
      <td>
        <div className="tp-row-actions">
          <GcdsButton type="button" buttonRole="secondary" size="small" onGcdsClick={onEdit}>
            {t('admin.changeRoles', { name: user.displayName })}
          </GcdsButton>
          <GcdsButton type="button" buttonRole={user.status === 'deactivated' ? 'secondary' : 'danger'} size="small" onGcdsClick={onToggleActive}>
            {user.status === 'deactivated' ? t('admin.reactivate', { name: user.displayName }) : t('admin.deactivate', { name: user.displayName })}
          </GcdsButton>
        </div>
      </td>
    </tr>
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
      <ProblemNotice problem={problems.form} />
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
