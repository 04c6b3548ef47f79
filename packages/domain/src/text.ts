/**
 * Text as the platform accepts it, at the edge, for every string of every input: what cannot be
 * stored or shown is refused, naming the field (NUL, which PostgreSQL cannot store, and a lone
 * surrogate, which is not text); what would only garble a page, a PDF or a spreadsheet is removed
 * (the other control characters, except tab, line feed and carriage return, and the bidirectional
 * embeddings, overrides and isolates U+202A-U+202E and U+2066-U+2069, which can make a name read
 * backwards); what is left is put in Unicode normalisation form C, so "é" typed or pasted is one
 * character and compares equal.
 */

// eslint-disable-next-line no-control-regex
const REFUSED = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// eslint-disable-next-line no-control-regex
const REMOVED = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export type TextVerdict = { ok: true; text: string } | { ok: false };

/** One string: refused, or cleaned (controls and bidirectional overrides removed, NFC). */
export function acceptText(value: string): TextVerdict {
  if (REFUSED.test(value)) return { ok: false };
  return { ok: true, text: value.replace(REMOVED, '').normalize('NFC') };
}

/**
 * Every string of an input, cleaned; the dotted path of the first one refused (or null). Plain
 * objects and arrays are walked; other values (numbers, bigint, dates, files) pass as they are.
 */
export function acceptInputText(input: unknown, path = ''): { ok: true; value: unknown } | { ok: false; field: string } {
  if (typeof input === 'string') {
    const verdict = acceptText(input);
    return verdict.ok ? { ok: true, value: verdict.text } : { ok: false, field: path };
  }
  if (Array.isArray(input)) {
    const out: unknown[] = [];
    for (let i = 0; i < input.length; i++) {
      const r = acceptInputText(input[i], path ? `${path}.${i}` : String(i));
      if (!r.ok) return r;
      out.push(r.value);
    }
    return { ok: true, value: out };
  }
  if (input !== null && typeof input === 'object' && Object.getPrototypeOf(input) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(input)) {
      const r = acceptInputText(v, path ? `${path}.${key}` : key);
      if (!r.ok) return r;
      out[key] = r.value;
    }
    return { ok: true, value: out };
  }
  return { ok: true, value: input };
}
