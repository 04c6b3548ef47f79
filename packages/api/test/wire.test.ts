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

describe('answers on the wire', () => {
  it("equal superjson's serialisation for any tree of plain values, bigints and dates", () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(serializeAnswer(v)).toEqual(superjson.serialize(v));
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
