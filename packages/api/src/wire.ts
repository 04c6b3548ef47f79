/**
 * How answers travel: superjson's format (`{ json, meta: { values, v: 1 } }`, so the web client
 * reads them with superjson as before), written by one direct walk over what procedures return:
 * plain objects, arrays, strings, booleans, numbers, null, undefined, bigint and Date. superjson's
 * own walk copies the path at every node and tracks every object's identity, which made
 * serialising a reconciliation of 400 agreements cost more than reading it from the database.
 * Anything else (a Map, a class instance, a shared object superjson would mark) goes through
 * superjson itself. A property test holds the two to the same output.
 */
import superjson from 'superjson';

type Annotation = [string];

class Unsupported extends Error {}

const escapeKey = (key: string) => (key.includes('\\') || key.includes('.') ? key.replace(/\\/g, '\\\\').replace(/\./g, '\\.') : key);

/** `path` is null at the root, whose annotation superjson writes as the whole of `meta.values`. */
function walk(value: unknown, path: string | null, annotations: Map<string | null, Annotation>, seen: Set<object>): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      // superjson tracks NaN like an object (every NaN is "the same"): leave it to superjson.
      if (Number.isNaN(value)) throw new Unsupported();
      if (value === Infinity || value === -Infinity) {
        annotations.set(path, ['number']);
        return String(value);
      }
      if (value === 0 && 1 / value === -Infinity) {
        annotations.set(path, ['number']);
        return '-0';
      }
      return value;
    case 'bigint':
      annotations.set(path, ['bigint']);
      return value.toString();
    case 'undefined':
      annotations.set(path, ['undefined']);
      return null;
    case 'object': {
      if (value === null) return null;
      // superjson marks an object met twice (referential equality): leave those to it.
      if (seen.has(value)) throw new Unsupported();
      seen.add(value);
      if (Array.isArray(value)) {
        const out = new Array<unknown>(value.length);
        for (let i = 0; i < value.length; i++) out[i] = walk(value[i], path === null ? String(i) : `${path}.${i}`, annotations, seen);
        return out;
      }
      if (value instanceof Date) {
        annotations.set(path, ['Date']);
        return value.toISOString();
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) throw new Unsupported();
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        if (key === '__proto__' || key === 'constructor' || key === 'prototype') throw new Unsupported();
        const escaped = escapeKey(key);
        out[key] = walk((value as Record<string, unknown>)[key], path === null ? escaped : `${path}.${escaped}`, annotations, seen);
      }
      return out;
    }
    default:
      throw new Unsupported();
  }
}

/** superjson.serialize, for the values procedures return, without its per-node copying. */
export function serializeAnswer(value: unknown): { json: unknown; meta?: { values: unknown; v: 1 } } {
  const annotations = new Map<string | null, Annotation>();
  let json: unknown;
  try {
    json = walk(value, null, annotations, new Set());
  } catch (error) {
    if (error instanceof Unsupported) return superjson.serialize(value) as { json: unknown; meta?: { values: unknown; v: 1 } };
    throw error;
  }
  if (annotations.size === 0) return { json };
  // A value annotated at the root is annotated by itself; otherwise by path.
  const root = annotations.get(null);
  return { json, meta: { values: root ?? Object.fromEntries(annotations), v: 1 } };
}

/** The transformer the router uses: superjson for what clients send, the direct walk for answers. */
export const wireTransformer = {
  input: superjson,
  output: { serialize: serializeAnswer, deserialize: (value: unknown) => superjson.deserialize(value as Parameters<typeof superjson.deserialize>[0]) },
};
