/**
 * The UI language and the one hook that every component uses to speak it: `useT()`.
 * Choice order: the tp_lang cookie (an explicit choice), then the signed-in user's preferred
 * language, then the browser's language. Switching writes the cookie (the server reads it for
 * its messages), sets <html lang>, and saves the choice on the account when signed in.
 */
import { isMessageKey, pickLanguage, translate, type Lang, type MessageKey } from '@tp/i18n/web';
import { formatLongDate, formatMoney as formatMoneyIn } from '@tp/domain';
import { useMutation, useQuery } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { trpc } from '../lib/trpc';
import type { Problem } from '../lib/form-problems';

const COOKIE = 'tp_lang';

function readCookieLanguage(): Lang | null {
  const match = document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith(`${COOKIE}=`));
  const value = match?.slice(COOKIE.length + 1);
  return value === 'en' || value === 'fr' ? value : null;
}

function writeCookieLanguage(lang: Lang): void {
  document.cookie = `${COOKIE}=${lang}; path=/; max-age=31536000; SameSite=Lax`;
}

export interface Translator {
  lang: Lang;
  locale: 'en-CA' | 'fr-CA';
  /** The message for a catalog key, with {placeholders} filled. */
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** A problem's message (server or zod key), falling back to a generic one for unknown keys. */
  problem(problem: Problem): string;
  /** An ISO date ("2026-04-01") or instant, written for the current language. */
  formatDate(value: string | Date): string;
  formatDateTime(value: string | Date): string;
  formatMoney(cents: bigint | number): string;
  /** The English or French of a bilingual pair from the API. */
  pick(en: string, fr: string): string;
  setLanguage(lang: Lang): void;
}

const LanguageContext = createContext<Translator | null>(null);

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [chosen, setChosen] = useState<Lang | null>(() => readCookieLanguage());
  const session = useQuery(trpc.auth.session.queryOptions());
  const { mutate: saveLanguage } = useMutation(trpc.auth.setLanguage.mutationOptions());
  const lang: Lang = chosen ?? session.data?.preferredLanguage ?? pickLanguage(navigator.language);
  const signedIn = Boolean(session.data);

  useEffect(() => {
    document.documentElement.lang = lang;
    // GCDS components read the language once, when they load (new ones read <html lang>). Their
    // watcher of the `lang` attribute reads back their own state in the custom-elements build, so
    // it never fires a change: set the state (the `lang` property) of those already on the page.
    for (const element of document.body.querySelectorAll<HTMLElement>('*')) {
      if (element.tagName.startsWith('GCDS-') && element.lang !== lang) element.lang = lang;
    }
  }, [lang]);

  const setLanguage = useCallback(
    (next: Lang) => {
      writeCookieLanguage(next);
      setChosen(next);
      if (signedIn) saveLanguage({ language: next });
    },
    [signedIn, saveLanguage],
  );

  const value = useMemo<Translator>(() => {
    const locale = lang === 'fr' ? 'fr-CA' : 'en-CA';
    const toDate = (v: string | Date) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T12:00:00`) : new Date(v));
    return {
      lang,
      locale,
      t: (key, params) => translate(lang, key, params),
      problem: (p) => translate(lang, isMessageKey(p.key) ? p.key : 'error.invalid', p.params),
      formatDate: (v) => formatLongDate(toDate(v), lang),
      formatDateTime: (v) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(toDate(v)),
      formatMoney: (cents) => formatMoneyIn(BigInt(cents), lang),
      pick: (en, fr) => (lang === 'fr' ? fr : en),
      setLanguage,
    };
  }, [lang, setLanguage]);

  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useT(): Translator {
  const value = useContext(LanguageContext);
  if (!value) throw new Error('useT() needs a LanguageProvider');
  return value;
}
