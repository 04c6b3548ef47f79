/**
 * The signature queue: what waits for the viewer's signature. An agreement signed by its
 * recipient, or a proposed amendment, goes to the lowest position whose limit in its program
 * covers its total among the positions people act under in that program today (routeAmong: never
 * a vacant one); it appears to those who act under that position there (a deputy head who is also
 * a manager by role acts as deputy head), never to the person who drafted it, and they are told
 * by email when a recipient signs.
 */
import { type Db, type Tx } from '@tp/db';
import { amendmentDecisionRefusal, delegatedAuthority, departmentSignatureRefusal, formatMoney, isoDateIn, type DelegationPosition } from '@tp/domain';
import { translate } from '@tp/i18n';
import type { Viewer } from '../auth/resolve-session';
import { queueMail, type MailDeps } from '../mail/mailer';
import { authoritiesIn, positionsOf, routeAmong, type ProgramAuthority } from './positions';

const torontoToday = () => isoDateIn(new Date(), 'America/Toronto');

export interface QueueItem {
  kind: 'signature' | 'amendment';
  agreementId: string;
  referenceNumber: string;
  version: number;
  organisationNameEn: string;
  organisationNameFr: string;
  amountCents: bigint;
  since: Date;
  position: DelegationPosition;
}

export async function signatureQueue(db: Db, viewer: Viewer): Promise<QueueItem[]> {
  const today = torontoToday();
  const positions = await positionsOf(db, viewer, today);
  if (positions.length === 0) return [];
  const [waiting, limits] = await Promise.all([
    db
      .selectFrom('agreement as a')
      .innerJoin('organisation as o', 'o.id', 'a.organisationId')
      .innerJoin('agreementVersion as v', 'v.agreementId', 'a.id')
      .select(['a.id', 'a.referenceNumber', 'a.programId', 'a.status', 'a.createdBy', 'a.recipientSignedAt', 'v.version', 'v.totalCents', 'v.createdBy as versionBy', 'v.createdAt as versionAt', 'o.legalNameEn', 'o.legalNameFr'])
      .where((eb) =>
        eb.or([
          eb.and([eb('a.status', '=', 'recipient_signed'), eb('v.version', '=', eb.ref('a.currentVersion'))]),
          eb.and([eb('a.status', '=', 'active'), eb('v.status', '=', 'proposed')]),
        ]),
      )
      .execute(),
    db.selectFrom('programApprovalLimit').select(['programId', 'role', 'maxAmountCents']).execute(),
  ]);
  const out: QueueItem[] = [];
  const authorities = new Map<string, ProgramAuthority[]>();
  for (const w of waiting) {
    const programLimits = limits.filter((l) => l.programId === w.programId);
    if (!authorities.has(w.programId)) authorities.set(w.programId, await authoritiesIn(db, programLimits, today));
    const position = routeAmong(w.totalCents, programLimits, authorities.get(w.programId)!);
    // In the queue of those who act under that position in this program.
    if (position === null || delegatedAuthority(positions, programLimits)?.role !== position) continue;
    const signature = w.status === 'recipient_signed';
    if (signature ? departmentSignatureRefusal(w, viewer.id) : amendmentDecisionRefusal({ createdBy: w.versionBy }, viewer.id)) continue;
    out.push({
      kind: signature ? 'signature' : 'amendment',
      agreementId: w.id,
      referenceNumber: w.referenceNumber,
      version: w.version,
      organisationNameEn: w.legalNameEn,
      organisationNameFr: w.legalNameFr,
      amountCents: w.totalCents,
      since: signature ? (w.recipientSignedAt ?? w.versionAt) : w.versionAt,
      position,
    });
  }
  return out.sort((x, y) => x.since.getTime() - y.since.getTime());
}

/** Who an amount in a program goes to today: the position (routeAmong) and the people who act under it there, less those excluded (its author). */
export async function routedTo(tx: Db | Tx, programId: string, amountCents: bigint, exclude: readonly string[]) {
  const limits = await tx.selectFrom('programApprovalLimit').select(['role', 'maxAmountCents']).where('programId', '=', programId).execute();
  const authorities = await authoritiesIn(tx, limits, torontoToday());
  const position = routeAmong(amountCents, limits, authorities);
  return { position, people: position === null ? [] : authorities.filter((x) => x.role === position && !exclude.includes(x.holder.id)).map((x) => x.holder) };
}

/**
 * When a recipient signs: the people the agreement is routed to are told it waits for their
 * signature (in their language), never its author. Queued in the signing transaction.
 */
export async function noticeToSigners(
  tx: Tx,
  deps: MailDeps,
  a: { id: string; programId: string; organisationId: string; referenceNumber: string; createdBy: string },
  version: { title: string; totalCents: bigint },
): Promise<ProgramAuthority['holder'][]> {
  const { position, people } = await routedTo(tx, a.programId, version.totalCents, [a.createdBy]);
  if (position === null) return [];
  const org = await tx.selectFrom('organisation').select(['legalNameEn', 'legalNameFr']).where('id', '=', a.organisationId).executeTakeFirstOrThrow();
  for (const p of people) {
    const lang = p.preferredLanguage;
    await queueMail(tx, {
      to: p.email,
      lang,
      template: 'signatureWaiting',
      params: {
        name: p.displayName,
        reference: a.referenceNumber,
        title: version.title,
        organisation: lang === 'fr' ? org.legalNameFr : org.legalNameEn,
        amount: formatMoney(version.totalCents, lang),
        position: translate(lang, `position.${position}`),
        link: `${deps.config.appUrl}/agreements/${a.id}`,
      },
    });
  }
  return people;
}
