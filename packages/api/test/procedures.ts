/**
 * Every procedure of the app router, read from the router itself (never a hand-kept list), and a
 * way to call one by its path: what the authorization matrix and the hostile-input test share.
 */
import { appRouter, type Access } from '../src';

export type AnyProcedure = { _def: { meta?: { access?: Access }; type: 'query' | 'mutation' | 'subscription'; inputs: unknown[] } };

export const allProcedures: [string, AnyProcedure][] = Object.entries(
  (appRouter as unknown as { _def: { procedures: Record<string, AnyProcedure> } })._def.procedures,
).sort(([a], [b]) => a.localeCompare(b));

/** Calls the procedure at `path` ("agreements.get") on a caller. */
export function call(api: unknown, path: string, input: unknown): Promise<unknown> {
  const fn = path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], api) as (input: unknown) => Promise<unknown>;
  return fn(input);
}
