/**
 * What every procedure receives. The HTTP server builds it from the request; tests build it
 * directly (`createContext`) and call the router through `createCaller`, on a real database.
 */
import type { Db } from '@tp/db';
import type { Lang } from '@tp/i18n';
import type { ApiConfig } from './config';
import type { FileStore } from './files/file-store';
import type { Mailer } from './mail/mailer';
import { resolveSession, type SessionUser } from './auth/resolve-session';

export interface RequestMeta {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
  /**
   * The language to answer in: the language cookie (the person's explicit choice), else the
   * signed-in user's preferred language (set once the session is known), else Accept-Language.
   */
  lang: Lang;
  /** True when `lang` came from the language cookie, so the account's preference does not override it. */
  langChosen?: boolean;
}

/** How the procedures set and clear the session cookie, whatever carries it. */
export interface SessionCookie {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

export interface ApiDeps {
  db: Db;
  mailer: Mailer;
  config: ApiConfig;
  /** Where attachment bytes are kept. */
  files: FileStore;
  /** The date rules read (year end): the real time unless a test sets the day. Sessions keep the real time. */
  now?: () => Date;
}

export interface Context extends ApiDeps {
  meta: RequestMeta;
  cookie: SessionCookie;
  sessionToken: string | null;
  /** The signed-in user, looked up once per request (null when signed out or expired). */
  session(): Promise<SessionUser | null>;
}

export function createContext(
  deps: ApiDeps,
  request: { sessionToken: string | null; meta: RequestMeta; cookie: SessionCookie },
): Context {
  let cached: Promise<SessionUser | null> | undefined;
  return {
    ...deps,
    ...request,
    session() {
      cached ??= (request.sessionToken ? resolveSession(deps.db, deps.config, request.sessionToken) : Promise.resolve(null)).then((user) => {
        if (user && !request.meta.langChosen) request.meta.lang = user.preferredLanguage;
        return user;
      });
      return cached;
    },
  };
}
