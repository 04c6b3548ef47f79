/**
 * Who may act is declared once, in packages/domain/src/access.ts. This test reads the sources of the API, the
 * server and the web client and fails when one of them spells out a set of roles of its own
 * (a list of role names, or a test of a user's roles by hand) instead of naming a set.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEPARTMENT_ROLES, holds, MONEY_READERS, ROLES } from '@tp/domain';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SOURCES = ['packages/api/src', 'apps/server/src', 'apps/web/src', 'packages/domain/src'];
/** Where role names are data, not rules: the one home itself, the demo people and their seeds. */
const EXEMPT = [/^packages\/domain\/src\/(access|reference)\.ts$/, /^packages\/api\/src\/demo\//];

const ROLE = ROLES.map((r) => `'${r}'`).join('|');
const HAND_MADE = [
  { what: 'a list of roles', pattern: new RegExp(`\\[\\s*(${ROLE})\\s*,\\s*(${ROLE})`) },
  { what: 'a test of roles by hand', pattern: /\broles\.(includes|some|every|indexOf)\(/ },
  { what: 'a comparison with a role', pattern: new RegExp(`\\br\\s*[!=]==\\s*(${ROLE})`) },
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('access declared once', () => {
  it('no source outside the access module spells out a set of roles', () => {
    const files = SOURCES.flatMap((dir) => filesUnder(join(ROOT, dir))).map((path) => relative(ROOT, path));
    expect(files.length).toBeGreaterThan(100);
    const found: string[] = [];
    for (const file of files) {
      if (EXEMPT.some((e) => e.test(file))) continue;
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const { what, pattern } of HAND_MADE) if (pattern.test(line)) found.push(`${file}:${i + 1}: ${what}`);
        });
    }
    expect(found).toEqual([]);
  });

  it('holds answers for any role of the set, and only for those', () => {
    expect(holds({ roles: ['reviewer', 'finance_officer'] }, MONEY_READERS)).toBe(true);
    expect(holds({ roles: ['reviewer', 'recipient'] }, MONEY_READERS)).toBe(false);
    expect(holds({ roles: [] }, DEPARTMENT_ROLES)).toBe(false);
  });
});
