/**
 * One transaction per command. Work that must not happen unless the change is saved
 * (delivering mail, starting jobs) is registered with `afterCommit` and runs only once the
 * transaction has committed; a rolled-back command leaves no trace and sends nothing.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './tables';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;

export interface TransactionScope {
  tx: Tx;
  afterCommit(effect: () => Promise<void> | void): void;
}

export async function inTransaction<T>(db: Db, work: (scope: TransactionScope) => Promise<T>): Promise<T> {
  const effects: (() => Promise<void> | void)[] = [];
  let open = true;
  const result = await db.transaction().execute(async (tx) => {
    try {
      return await work({
        tx,
        afterCommit(effect) {
          if (!open) throw new Error('afterCommit called after the transaction ended');
          effects.push(effect);
        },
      });
    } finally {
      open = false;
    }
  });
  for (const effect of effects) await effect();
  return result;
}
