/**
 * Answers are written in superjson's format by our own walk (src/wire.ts): for every value a
 * procedure can return, the output equals superjson's, so the web client reads it unchanged.
 */
import fc from 'fast-check';
import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { serializeAnswer } from '../src/wire';

const key = fc.oneof(fc.string(), fc.constantFrom('a.b', 'a\\b', 'x\\.y', '0', '', 'rows', 'totalCents'));
const leaf = fc.oneof(
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity),
  fc.bigInt(),
  fc.date({ noInvalidDate: true }),
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 6 }),
  object: fc.dictionary(key.filter((k) => k !== '__proto__' && k !== 'constructor' && k !== 'prototype'), tie('value'), { maxKeys: 6 }),
}));

/**
 * superjson tracks "referential equalities" in a Map keyed by value, so two equal primitives
 * ([[29n], 29n], or two NaN) are recorded as one shared reference, depending on the order it meets
 * them. For a primitive that changes nothing on the client (both paths hold the same value either
 * way: the round-trip test below), and the generated trees share no object, so both sides are
 * compared without that record.
 */
function withoutPrimitiveEqualities(out: { json: unknown; meta?: Record<string, unknown> }) {
  if (!out.meta || !('referentialEqualities' in out.meta)) return out;
  const { referentialEqualities: _dropped, ...meta } = out.meta;
  return { ...out, meta };
}

describe('answers on the wire', () => {
  it("equal superjson's serialisation for any tree of plain values, bigints and dates", () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(withoutPrimitiveEqualities(serializeAnswer(v) as { json: unknown; meta?: Record<string, unknown> })).toEqual(withoutPrimitiveEqualities(superjson.serialize(v) as { json: unknown; meta?: Record<string, unknown> }));
      }),
      { numRuns: 2000 },
    );
  });

  it('come back as the same values through JSON and superjson on the client', () => {
    fc.assert(
      fc.property(value, (v) => {
        const back = superjson.deserialize(JSON.parse(JSON.stringify(serializeAnswer(v))));
        expect(back).toEqual(superjson.deserialize(JSON.parse(JSON.stringify(superjson.serialize(v)))));
      }),
      { numRuns: 500 },
    );
  });

  it('leave shared objects, maps and class instances to superjson', () => {
    const shared = { totalCents: 5n };
    const value = { a: shared, b: shared, when: new Map([['x', 1n]]) };
    expect(serializeAnswer(value)).toEqual(superjson.serialize(value));
    const rows = { rows: [{ id: 'A', totalCents: 1n, at: new Date('2026-11-26T00:00:00Z'), memo: undefined }] };
    expect(serializeAnswer(rows)).toEqual({ json: { rows: [{ id: 'A', totalCents: '1', at: '2026-11-26T00:00:00.000Z', memo: null }] }, meta: { values: { 'rows.0.totalCents': ['bigint'], 'rows.0.at': ['Date'], 'rows.0.memo': ['undefined'] }, v: 1 } });
  });
});
