/**
 * The signature queue: what waits for the viewer's signature. An agreement signed by its
 * recipient, or a proposed amendment, goes to the lowest position whose limit in its program
 * covers its total (routedPosition); it appears to the people who hold that position today, never
 * to the person who drafted it.
 */
import { type Db } from '@tp/db';
import { amendmentDecisionRefusal, departmentSignatureRefusal, isoDateIn, routedPosition, type DelegationPosition } from '@tp/domain';
import type { Viewer } from '../auth/resolve-session';
import { positionsOf } from './positions';

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
  const positions = await positionsOf(db, viewer, isoDateIn(new Date(), 'America/Toronto'));
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
  for (const w of waiting) {
    const position = routedPosition(w.totalCents, limits.filter((l) => l.programId === w.programId));
    if (position === null || !positions.includes(position)) continue;
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
