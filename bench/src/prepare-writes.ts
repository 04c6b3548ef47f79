/**
 * Work for the write benchmarks, prepared in the database the way the screens would leave it:
 * certified claims waiting for finance to release them, and completed draft progress reports
 * waiting for their recipient to submit them (periods that have ended, content that passes every
 * submission rule). A benchmark recipient account acts for the organisations concerned.
 */
import type { Db } from '@tp/db';
import { GBA_CATEGORIES, type GbaDimension, type IsoDate } from '@tp/domain';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';

export const BENCH_RECIPIENT = 'bench.recipient@example.ca';

export async function prepareWrites(db: Db, options: { claims: number; reports: number; today: IsoDate; fiscalYear: string }) {
  const windsor = await db.selectFrom('appUser').select('passwordHash').where('email', '=', 'recipient.windsor@example.ca').executeTakeFirstOrThrow();
  await db.insertInto('appUser').values({ email: BENCH_RECIPIENT, displayName: 'Benchmark recipient', passwordHash: windsor.passwordHash, status: 'active' }).onConflict((oc) => oc.column('email').doNothing()).execute();
  const recipient = await db.selectFrom('appUser').select('id').where('email', '=', BENCH_RECIPIENT).executeTakeFirstOrThrow();
  const officer = await db.selectFrom('appUser').select('id').where('email', '=', 'officer@example.ca').executeTakeFirstOrThrow();
  const join = async (organisationIds: string[]) => {
    if (organisationIds.length === 0) return;
    await db
      .insertInto('membership')
      .values([...new Set(organisationIds)].map((organisationId) => ({ userId: recipient.id, role: 'recipient' as const, organisationId })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  };

  // Claims: $100 each on active agreements with room left in the year.
  const perAgreement = 4;
  const rooms = await sql<{ agreementId: string; organisationId: string }>`
    select a.id as "agreementId", a.organisation_id as "organisationId"
    from agreement a
      join agreement_version v on v.agreement_id = a.id and v.version = a.current_version
      join agreement_fiscal_year y on y.version_id = v.id and y.fiscal_year = ${options.fiscalYear}
    where a.status = 'active'
      and y.amount_cents - coalesce((select sum(amount_cents) from ledger_entry l where l.agreement_id = a.id and l.fiscal_year = ${options.fiscalYear}
                                       and l.kind in ('advance_paid', 'reimbursement_paid')), 0) - v.holdback_cents > ${perAgreement * 10_000}
      and not exists (select 1 from claim c where c.agreement_id = a.id and c.status = 'certified')
    order by a.reference_number
    limit ${Math.ceil(options.claims / perAgreement)}`.execute(db);
  await join(rooms.rows.map((r) => r.organisationId));
  const refs = await sql<{ n: string }>`select nextval('claim_reference_seq')::text as n from generate_series(1, ${rooms.rows.length * perAgreement})`.execute(db);
  const claims = rooms.rows.flatMap((r, i) =>
    Array.from({ length: perAgreement }, (_, k) => ({
      referenceNumber: `CLM-${options.fiscalYear.slice(0, 4)}-${refs.rows[i * perAgreement + k]!.n.padStart(6, '0')}`,
      agreementId: r.agreementId,
      clientKey: randomUUID(),
      fiscalYear: options.fiscalYear,
      periodStart: `${options.fiscalYear.slice(0, 4)}-07-01`,
      periodEnd: `${options.fiscalYear.slice(0, 4)}-09-30`,
      kind: 'reimbursement' as const,
      status: 'certified' as const,
      requestedCents: 10_000n,
      certifiedCents: 10_000n,
      submittedBy: recipient.id,
      certifiedBy: officer.id,
      certifiedAt: new Date(),
    })),
  );
  // Claims an earlier run certified and did not release are still waiting: use them first.
  const certified = await db.selectFrom('claim').select('id').where('submittedBy', '=', recipient.id).where('status', '=', 'certified').execute();
  const claimIds: string[] = certified.map((c) => c.id);
  for (let i = 0; i < claims.length; i += 1000) {
    const rows = await db.insertInto('claim').values(claims.slice(i, i + 1000)).returning('id').execute();
    claimIds.push(...rows.map((r) => r.id));
  }

  // Reports: periods that have ended with nothing filed yet, each given a complete draft.
  const periods = await sql<{ periodId: string; agreementId: string; organisationId: string; versionId: string; isFinal: boolean }>`
    select rp.id as "periodId", a.id as "agreementId", a.organisation_id as "organisationId", v.id as "versionId", rp.is_final as "isFinal"
    from reporting_period rp
      join agreement a on a.id = rp.agreement_id and a.status = 'active'
      join agreement_version v on v.agreement_id = a.id and v.version = a.current_version
    where rp.cancelled_at is null and rp.period_end < ${options.today}::date
      and not exists (select 1 from progress_report pr where pr.period_id = rp.id)
    order by rp.period_end desc
    limit ${Math.max(0, options.reports)}`.execute(db);
  await join(periods.rows.map((p) => p.organisationId));
  const versionIds = [...new Set(periods.rows.map((p) => p.versionId))];
  const milestones = versionIds.length ? await db.selectFrom('agreementMilestone').select(['versionId', 'key']).where('versionId', 'in', versionIds).execute() : [];
  const indicators = versionIds.length
    ? await db
        .selectFrom('agreementIndicator')
        .innerJoin('indicator', 'indicator.id', 'agreementIndicator.indicatorId')
        .select(['agreementIndicator.versionId', 'indicator.id', 'indicator.unit', 'indicator.gbaDimensions'])
        .where('agreementIndicator.versionId', 'in', versionIds)
        .execute()
    : [];
  const reports = periods.rows.map((p) => {
    const content = {
      activities: milestones.filter((m) => m.versionId === p.versionId).map((m) => ({ milestoneKey: m.key, status: 'in_progress', reason: '', newExpectedDate: null })),
      deliverables: 'Workshops delivered as planned.',
      indicators: indicators
        .filter((i) => i.versionId === p.versionId)
        .map((i) => {
          const value = i.unit === 'percent' ? '72.5' : i.unit === 'yes_no' ? '1' : i.unit === 'days' ? '6' : '40';
          const breakdown = i.unit === 'count' ? (i.gbaDimensions as GbaDimension[]).map((dimension) => ({ dimension, category: GBA_CATEGORIES[dimension].at(-1)!, count: 40 })) : [];
          return { indicatorId: i.id, value, breakdown };
        }),
      progress: 'Activities are on track.',
      challenges: '',
      lessons: '',
      risks: [],
      finalResults: p.isFinal ? 'Results achieved as planned.' : '',
    };
    return { periodId: p.periodId, agreementId: p.agreementId, status: 'draft' as const, revision: 0, draft: JSON.stringify(content), createdBy: recipient.id };
  });
  // Drafts an earlier run prepared and did not submit are still waiting: use them first.
  const waiting = await db.selectFrom('progressReport').select('id').where('createdBy', '=', recipient.id).where('status', '=', 'draft').execute();
  const reportIds: string[] = waiting.map((r) => r.id);
  for (let i = 0; i < reports.length; i += 500) {
    const rows = await db.insertInto('progressReport').values(reports.slice(i, i + 500)).returning('id').execute();
    reportIds.push(...rows.map((r) => r.id));
  }
  return { claimIds, reportIds };
}
