/**
 * Possible duplicates of an organisation (same business number, or same name and province), flagged
 * for an officer, never refused.
 */
import { type Db, type Tx } from '@tp/db';
import { looksLikeDuplicate } from '@tp/domain';

/** Other organisations that look like this one. */
export async function possibleDuplicates(db: Db | Tx, org: { id?: string; legalNameEn: string; provinceOrTerritory: string; businessNumber: string | null }) {
  const candidates = await db
    .selectFrom('organisation')
    .select(['id', 'legalNameEn', 'legalNameFr', 'provinceOrTerritory', 'businessNumber'])
    .where((eb) =>
      eb.or([
        eb('provinceOrTerritory', '=', org.provinceOrTerritory as never),
        ...(org.businessNumber ? [eb(eb.fn('left', ['businessNumber', eb.val(9)]), '=', org.businessNumber.slice(0, 9))] : []),
      ]),
    )
    .execute();
  return candidates.filter((c) => c.id !== org.id && looksLikeDuplicate(org, c));
}
