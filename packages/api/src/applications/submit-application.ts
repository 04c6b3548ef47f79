/**
 * A recipient submits a draft, once: row lock, the domain's submission rules against the call, a
 * frozen version, a reference number, and an acknowledgement by email after commit.
 */
import { inTransaction, recordAudit, type Db } from '@tp/db';
import { type ApplicationIssue, applicationReference, budgetTotals, DomainError, submissionIssues } from '@tp/domain';
import type { ApiConfig } from '../config';
import type { RequestMeta } from '../context';
import { queueMail, type Mailer } from '../mail/mailer';
import { type Viewer } from '../auth/resolve-session';
import { loadCallRules, loadContent, lockApplication } from './access';
import { formatDate } from '../format';

function toIssueError(issue: ApplicationIssue, count: number): DomainError {
  const code = issue.messageKey === 'error.application.callClosed' ? 'CONFLICT' : 'BAD_INPUT';
  return new DomainError(code, issue.messageKey, issue.field, { ...(issue.params ?? {}), count });
}

export interface SubmitResult {
  referenceNumber: string;
  submittedAt: Date;
  /** True when this click found the application already submitted (a second tab, a double click). */
  alreadySubmitted: boolean;
}

/**
 * Submission: the row is locked, so of two simultaneous submissions one does the work and the
 * other, once the lock is released, finds it done and answers with the same reference number.
 */
export async function submitApplication(
  db: Db,
  deps: { config: ApiConfig; mailer: Mailer },
  user: Viewer,
  meta: RequestMeta,
  id: string,
  now: () => Date = () => new Date(),
): Promise<SubmitResult> {
  return inTransaction(db, async ({ tx, afterCommit }) => {
    const app = await lockApplication(tx, id);
    if (!user.organisationIds.includes(app.organisationId)) throw new DomainError('NOT_FOUND', 'error.notFound', 'id');
    if (app.status !== 'draft') {
      if (app.referenceNumber && app.submittedAt && app.submittedBy) return { referenceNumber: app.referenceNumber, submittedAt: app.submittedAt, alreadySubmitted: true };
      throw new DomainError('CONFLICT', 'error.application.notDraft', 'id');
    }
    const at = now(); // the server's clock decides, read after the lock is held
    const [content, call, org] = await Promise.all([
      loadContent(tx, id),
      loadCallRules(tx, app.callId),
      tx.selectFrom('organisation').selectAll().where('id', '=', app.organisationId).executeTakeFirstOrThrow(),
    ]);
    const issues = submissionIssues(content, call, org, at);
    if (issues.length > 0) throw toIssueError(issues[0]!, issues.length);
    const { n } = await tx.selectNoFrom((eb) => eb.fn<string>('nextval', [eb.val('application_reference_seq')]).as('n')).executeTakeFirstOrThrow();
    const referenceNumber = applicationReference(Number(isoYear(at)), BigInt(n));
    const requested = budgetTotals(content.budget.lines).total;
    const attachments = await tx.selectFrom('applicationAttachment').select(['id', 'fileName', 'contentType', 'sizeBytes', 'sha256']).where('applicationId', '=', id).execute();
    const version = { ...content, attachments, organisation: { id: org.id, legalNameEn: org.legalNameEn, legalNameFr: org.legalNameFr }, submittedAt: at.toISOString() };
    await tx
      .updateTable('application')
      .set({
        status: 'submitted',
        referenceNumber,
        requestedAmountCents: requested,
        submittedAt: at,
        submittedBy: user.id,
        submittedVersion: JSON.stringify(version, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)),
        acknowledgedAt: at,
        updatedAt: at,
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, {
      actorUserId: user.id,
      entityType: 'application',
      entityId: id,
      action: 'submit',
      before: { status: 'draft' },
      after: { status: 'submitted', referenceNumber, requestedAmountCents: requested },
      requestId: meta.requestId,
    });
    const lang = user.preferredLanguage;
    await queueMail(tx, {
      to: user.email,
      lang,
      template: 'applicationReceived',
      params: {
        name: user.displayName,
        reference: referenceNumber,
        title: content.project.title,
        organisation: lang === 'fr' ? org.legalNameFr : org.legalNameEn,
        call: lang === 'fr' ? call.titleFr : call.titleEn,
        date: formatDate(at, lang),
        link: `${deps.config.appUrl}/applications/${id}`,
      },
    });
    afterCommit(() => deps.mailer.deliverSoon(db));
    return { referenceNumber, submittedAt: at, alreadySubmitted: false };
  });
}

function isoYear(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto', year: 'numeric' }).format(at);
}
