/**
 * What the history generator's parts share: a seeded random source and weighted choices, date
 * arithmetic on ISO dates, the batched inserts, and the plan of a program the agreements are drawn
 * from.
 */
import type { Database } from '@tp/db';
import type { Insertable } from 'kysely';
import { allocate, type GbaDimension, type IsoDate } from '@tp/domain';

/** A small, fast, seedable generator (mulberry32). */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    chance: (p: number) => next() < p,
  };
}

export type Random = ReturnType<typeof prng>;

export function weighted<T>(random: Random, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let r = random.next() * total;
  for (const [value, w] of entries) {
    r -= w;
    if (r < 0) return value;
  }
  return entries[entries.length - 1]![0];
}

export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

export function dayBefore(date: IsoDate): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const instant = (date: IsoDate) => new Date(`${date}T15:00:00Z`);

/** Split a count over the categories of a GBA Plus dimension (every person counted once). */
export function splitCount(random: Random, total: number, categories: readonly string[], undisclosed: boolean): { category: string; count: number }[] {
  if (undisclosed) return [{ category: 'not_disclosed', count: total }];
  const weights = categories.map((c) => BigInt(c === 'not_disclosed' ? random.int(0, 2) : random.int(1, 10)));
  const parts = allocate(BigInt(total), weights);
  return categories.map((category, i) => ({ category, count: Number(parts[i]) })).filter((p) => p.count > 0);
}

export type Row<T extends keyof Database> = Insertable<Database[T]>;

export async function insertBatches<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export interface ProgramPlan {
  id: string;
  extra: boolean;
  pillarIds: string[];
  indicators: { id: string; unit: string; gbaDimensions: GbaDimension[]; own: boolean }[];
  signerLimitCents: bigint;
}
