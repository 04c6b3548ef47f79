import { describe, expect, it } from 'vitest';
import { catalogs, pickLanguage, translate } from '../src';

describe('message catalogs', () => {
  it('French and English have exactly the same keys, none empty', () => {
    expect(Object.keys(catalogs.fr).sort()).toEqual(Object.keys(catalogs.en).sort());
    for (const lang of ['en', 'fr'] as const) {
      for (const [key, text] of Object.entries(catalogs[lang])) expect(text.trim(), `${lang} ${key}`).not.toBe('');
    }
  });

  it('every placeholder in English also appears in French', () => {
    for (const [key, text] of Object.entries(catalogs.en)) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(catalogs.fr[key as keyof typeof catalogs.fr]), key).toEqual(names(text));
    }
  });

  it('fills placeholders and falls back on unknown keys', () => {
    expect(translate('fr', 'error.signIn.locked', { minutes: 15 })).toContain('15 minutes');
    expect(translate('en', 'no.such.key')).toBe(catalogs.en['error.invalid']);
  });

  it('picks the language from a header or cookie', () => {
    expect(pickLanguage(undefined, 'fr-CA,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(pickLanguage('en', 'fr-CA')).toBe('en');
    expect(pickLanguage(null, '')).toBe('en');
  });
});
