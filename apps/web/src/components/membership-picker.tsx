/**
 * The roles a user holds: one row per role, with an organisation for a recipient role only.
 * Used by the invitation form and by "change roles". Errors arrive by input path
 * ("memberships.0.organisationId") and are shown on the control they name.
 */
import { GcdsButton, GcdsErrorMessage, GcdsSelect } from '@cdssnc/gcds-components-react';
import { ROLES, type MembershipInput, type Role } from '@tp/domain';
import { useT } from '../i18n/language';
import type { FormProblems } from '../lib/form-problems';

export interface MembershipRow {
  role: Role | '';
  organisationId: string;
}

export interface OrganisationOption {
  id: string;
  legalNameEn: string;
  legalNameFr: string;
}

export const EMPTY_MEMBERSHIP: MembershipRow = { role: '', organisationId: '' };

/** The rows as the API's input (an empty role stays empty so validation names it). */
export function toMembershipInput(rows: readonly MembershipRow[]): MembershipInput[] {
  return rows.map((row) => ({
    role: row.role as Role,
    organisationId: row.role === 'recipient' ? row.organisationId || null : null,
  }));
}

export function isMembershipField(field: string): boolean {
  return field === 'memberships' || /^memberships\.\d+\.(role|organisationId)$/.test(field);
}

interface MembershipPickerProps {
  idPrefix: string;
  rows: MembershipRow[];
  onChange(rows: MembershipRow[]): void;
  organisations: readonly OrganisationOption[];
  problems: FormProblems;
}

export function MembershipPicker({ idPrefix, rows, onChange, organisations, problems }: MembershipPickerProps) {
  const { t, lang, pick, problem } = useT();
  const listProblem = problems.fields['memberships'];
  const update = (index: number, change: Partial<MembershipRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const sortedOrganisations = [...organisations].sort((a, b) =>
    pick(a.legalNameEn, a.legalNameFr).localeCompare(pick(b.legalNameEn, b.legalNameFr), lang),
  );

  return (
    <div className="tp-memberships">
      {listProblem ? <GcdsErrorMessage messageId={`${idPrefix}-memberships-error`}>{problem(listProblem)}</GcdsErrorMessage> : null}
      {rows.map((row, index) => {
        const roleProblem = problems.fields[`memberships.${index}.role`];
        const organisationProblem = problems.fields[`memberships.${index}.organisationId`];
        return (
          <fieldset key={index} className="tp-membership">
            <legend>{t('admin.membership', { number: index + 1 })}</legend>
            <GcdsSelect
              key={`role-${lang}`}
              selectId={`${idPrefix}-role-${index}`}
              name={`memberships.${index}.role`}
              label={t('admin.role')}
              defaultValue={t('admin.chooseRole')}
              required
              validateOn="other"
              value={row.role}
              errorMessage={roleProblem ? problem(roleProblem) : ''}
              onGcdsChange={(event) => update(index, { role: event.detail as Role | '' })}
            >
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`role.${role}`)}
                </option>
              ))}
            </GcdsSelect>
            {row.role === 'recipient' ? (
              <GcdsSelect
                key={`organisation-${lang}`}
                selectId={`${idPrefix}-organisation-${index}`}
                name={`memberships.${index}.organisationId`}
                label={t('admin.organisation')}
                hint={t('admin.organisationHint')}
                defaultValue={t('admin.chooseOrganisation')}
                required
                validateOn="other"
                value={row.organisationId}
                errorMessage={organisationProblem ? problem(organisationProblem) : ''}
                onGcdsChange={(event) => update(index, { organisationId: event.detail })}
              >
                {sortedOrganisations.map((organisation) => (
                  <option key={organisation.id} value={organisation.id}>
                    {pick(organisation.legalNameEn, organisation.legalNameFr)}
                  </option>
                ))}
              </GcdsSelect>
            ) : null}
            {rows.length > 1 ? (
              <GcdsButton
                type="button"
                buttonRole="secondary"
                size="small"
                onGcdsClick={() => onChange(rows.filter((_, i) => i !== index))}
              >
                {t('admin.removeRole')}
              </GcdsButton>
            ) : null}
          </fieldset>
        );
      })}
      {rows.length < ROLES.length ? (
        <GcdsButton type="button" buttonRole="secondary" size="small" onGcdsClick={() => onChange([...rows, EMPTY_MEMBERSHIP])}>
          {t('admin.addRole')}
        </GcdsButton>
      ) : null}
    </div>
  );
}
