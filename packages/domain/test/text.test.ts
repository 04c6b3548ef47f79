import { describe, expect, it } from 'vitest';
import { acceptInputText, acceptText } from '../src/text';

describe('text at the edge', () => {
  it.each([
    ['a\u0000b', 'NUL'],
    ['\ud800', 'a lone high surrogate'],
    ['x\udc00y', 'a lone low surrogate'],
    ['\udc00\ud800', 'surrogates in the wrong order'],
  ])('refuses %j (%s)', (value) => {
    expect(acceptText(value)).toEqual({ ok: false });
  });

  it.each([
    ['Legal Assistance of Windsor', 'Legal Assistance of Windsor'],
    ['line one\r\nline two\tend', 'line one\r\nline two\tend'],
    ['bell\u0007 and escape\u001b[31m', 'bell and escape[31m'],
    ['C1\u0085\u009b', 'C1'],
    ['abc\u202edcba', 'abcdcba'],
    ['\u2066isolated\u2069', 'isolated'],
    ['Cre\u0301ation', 'Création'],
    ['𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ✓ 🇨🇦', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ✓ 🇨🇦'],
    ['مرحبا\u200f', 'مرحبا\u200f'],
  ])('keeps %j as %j', (value, kept) => {
    expect(acceptText(value)).toEqual({ ok: true, text: kept });
  });

  it('walks an input and names the first field refused', () => {
    expect(acceptInputText({ id: 'x', program: { nameEn: 'ok', pillars: ['a', 'b\u0000'] } })).toEqual({ ok: false, field: 'program.pillars.1' });
    expect(acceptInputText({ amount: 5n, when: null, names: ['e\u0301'] })).toEqual({ ok: true, value: { amount: 5n, when: null, names: ['é'] } });
  });
});
