/**
 * The HTTP adapter: tRPC at /trpc, GET /healthz, and (when built) the web client, all on one
 * port. Logs are pino JSON lines carrying a request id. Cross-site requests are refused.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Duplex } from 'node:stream';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { appRouter, createContext, DOMAIN_ERROR_STATUS, FILE_ROUTES, type ApiDeps, type AppRouter, type RequestMeta, type UploadedFile } from '@tp/api';
import { DomainError, holds, MAX_ATTACHMENT_BYTES } from '@tp/domain';
import { sql } from 'kysely';
import { pickLanguage, translate } from '@tp/i18n';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'tp_session';
export const LANGUAGE_COOKIE = 'tp_lang';

export interface ServerOptions {
  deps: ApiDeps;
  logLevel?: string;
  /** Folder of the built web client; served when it exists. */
  webDist?: string | null;
  trustProxy?: boolean;
  /** Sign-in and password-reset attempts allowed per minute from one address (default 30). */
  signInAttemptsPerMinute?: number;
}

function requestLanguage(request: FastifyRequest) {
  return pickLanguage(request.cookies[LANGUAGE_COOKIE], request.headers['accept-language']);
}

/** Who and what a request is, for the audit trail and the language of the answer. */
function requestMeta(request: FastifyRequest): RequestMeta {
  return {
    requestId: request.id,
    ip: request.ip ?? null,
    userAgent: request.headers['user-agent'] ?? null,
    lang: requestLanguage(request),
    langChosen: Boolean(request.cookies[LANGUAGE_COOKIE]),
  };
}

/** The JSON error body for failures outside tRPC (bad JSON, cross-site, unknown route). */
/** What each refusal the framework makes says (the others say the request could not be read). */
const REFUSAL_MESSAGE: Record<number, string> = {
  405: 'error.methodNotAllowed',
  413: 'error.tooLarge',
  415: 'error.unsupportedMediaType',
  429: 'error.rateLimited',
  431: 'error.headersTooLarge',
  500: 'error.internal',
};

/**
 * A request whose headers are too large never reaches a route: Node refuses it while reading.
 * It is answered here in our format; its language is unknown (the headers were not read), so in
 * both. Any other unreadable request gets a plain 400 the same way.
 */
function answerClientError(error: Error & { code?: string }, socket: Duplex) {
  if (!socket.writable) return socket.destroy();
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const messageKey = status === 431 ? 'error.headersTooLarge' : 'error.badRequest';
  const body = JSON.stringify({ error: { message: `${translate('en', messageKey)} / ${translate('fr', messageKey)}`, data: { httpStatus: status, messageKey } } });
  const reason = status === 431 ? 'Request Header Fields Too Large' : 'Bad Request';
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

function errorBody(request: FastifyRequest, status: number, messageKey: string) {
  return {
    error: {
      message: translate(requestLanguage(request), messageKey),
      data: { httpStatus: status, messageKey, requestId: request.id },
    },
  };
}

/**
 * A state-changing request must come from our own pages. Browsers say where a request comes
 * from (Sec-Fetch-Site, Origin); a request from another site is refused before it runs.
 * Cookies are SameSite=Lax as well, and tRPC mutations need a JSON body, which no plain HTML
 * form on another site can send without a CORS preflight that we never grant.
 */
function isCrossSite(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return true;
  const origin = request.headers.origin;
  if (origin && origin !== 'null') {
    try {
      return new URL(origin).host !== new URL(`${request.protocol}://${request.host}`).host;
    } catch {
      return true;
    }
  }
  return origin === 'null';
}

/**
 * Only our own origin may provide scripts, styles, fonts, images and connections; nobody may frame
 * the pages. Inline styles are allowed because the design system's web components style their
 * shadow roots with <style> elements; inline scripts are not.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Sign-in and password-reset attempts, however batched: the requests the rate limit counts. */
const GUESSABLE = /^\/trpc\/(?:[^?]*,)?auth\.(?:signIn|requestPasswordReset)(?:[,?]|$)/;

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { deps } = options;
  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'info',
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    },
    trustProxy: options.trustProxy ?? false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    requestIdLogLabel: 'requestId',
    disableRequestLogging: false,
    routerOptions: { maxParamLength: 5000 },
    clientErrorHandler: answerClientError,
  });

  // Answers are compressed (brotli or gzip, as the browser accepts): on a rural link the JSON of a
  // portfolio page or a report is a tenth of its size. Files the client build already compressed
  // are sent as they are (see the static block below).
  await app.register(fastifyCompress, { global: true, encodings: ['br', 'gzip'] });
  await app.register(fastifyCookie);
  // Password guessing: at most this many sign-in or reset attempts per minute from one address
  // (accounts also lock after repeated failures, whatever the address).
  await app.register(fastifyRateLimit, {
    global: true,
    max: options.signInAttemptsPerMinute ?? 30,
    timeWindow: 60_000,
    keyGenerator: (request) => request.ip,
    allowList: (request) => !(request.method === 'POST' && GUESSABLE.test(request.url)),
    errorResponseBuilder: (_request, context) => ({ statusCode: 429, code: 'RATE_LIMITED', retryAfter: context.after, message: 'rate limited' }),
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    // A request without a Host header (HTTP/1.0, or a hand-made one) has no address to resolve
    // against: refuse it plainly rather than fail inside the API adapter.
    if (!request.headers.host) return reply.code(400).send(errorBody(request, 400, 'error.badRequest'));
    if (request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'OPTIONS' && isCrossSite(request)) {
      request.log.warn({ origin: request.headers.origin, site: request.headers['sec-fetch-site'] }, 'cross-site request refused');
      return reply.code(403).send(errorBody(request, 403, 'error.crossSite'));
    }
  });

  app.setErrorHandler((error: { statusCode?: number; code?: string }, request, reply: FastifyReply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error }, 'unhandled error');
    else request.log.info({ code: error.code }, 'bad request');
    return reply.code(status).send(errorBody(request, status, REFUSAL_MESSAGE[status] ?? 'error.badRequest'));
  });

  app.get('/healthz', async (_request, reply) => {
    try {
      await Promise.race([
        sql`select 1`.execute(deps.db),
        new Promise((_, reject) => setTimeout(() => reject(new Error('database did not answer in time')), 3000).unref()),
      ]);
      return reply.code(200).send({ status: 'ok', db: 'ok' });
    } catch (error) {
      app.log.warn({ err: error }, 'health check: database unavailable');
      return reply.code(503).send({ status: 'unavailable', db: 'unavailable' });
    }
  });

  await registerFileRoutes(app, deps);

  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: ({ req, res }) => {
        const secure = req.protocol === 'https';
        return createContext(deps, {
          sessionToken: req.cookies[SESSION_COOKIE] ?? null,
          meta: requestMeta(req),
          cookie: {
            set(token, expiresAt) {
              res.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: expiresAt });
            },
            clear() {
              res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
            },
          },
        });
      },
      onError({ error, path, req }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') req.log.error({ err: error.cause ?? error, path }, 'procedure failed');
        else req.log.info({ code: error.code, path }, 'procedure refused');
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });

  const webDist = options.webDist;
  if (webDist && existsSync(webDist)) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: 'index.html',
      // The build writes .br and .gz beside each asset; the smallest the browser accepts is sent.
      preCompressed: true,
      // Hashed assets never change under their name, so a browser keeps them a year; the page
      // itself is checked each time so a new release is picked up at once.
      setHeaders(reply: FastifyReply, filePath: string) {
        reply.header('cache-control', isHashedAsset(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    // The client routes in the browser: any other GET gets the app's page.
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/trpc') && request.headers.accept?.includes('text/html')) {
        return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
      }
      return reply.code(404).send(errorBody(request, 404, 'error.notFound'));
    });
  } else {
    app.setNotFoundHandler((request, reply) => reply.code(404).send(errorBody(request, 404, 'error.notFound')));
  }

  return app;
}

/** Vite names what it builds into assets/ with a content hash (`index-B1x2c3D4.js`). */
export function isHashedAsset(filePath: string): boolean {
  return /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}(\.[a-z0-9]+)+$/.test(filePath);
}

/**
 * The file routes declared in the API (attachments, exports, PDFs), registered in one loop. The
 * session cookie authorises them as it does every procedure, against the route's declared access;
 * cross-site uploads are refused by the onRequest hook. A refusal is the same JSON error body as
 * elsewhere, with the field it names.
 */
async function registerFileRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  // One file per request; one byte over the limit is enough to know it is too big.
  await app.register(fastifyMultipart, { limits: { files: 1, fileSize: MAX_ATTACHMENT_BYTES + 1, fields: 5, parts: 6 } });

  const refuse = (request: FastifyRequest, reply: FastifyReply, error: DomainError) => {
    const status = DOMAIN_ERROR_STATUS[error.code].http;
    const lang = requestLanguage(request);
    const params = error.params ? Object.fromEntries(Object.entries(error.params).map(([k, v]) => [k, typeof v === 'object' ? v[lang] : v])) : undefined;
    return reply.code(status).send({
      error: {
        message: translate(lang, error.messageKey, params),
        data: { httpStatus: status, messageKey: error.messageKey, field: error.field ?? null, params: params ?? null, requestId: request.id },
      },
    });
  };

  const upload = async (request: FastifyRequest): Promise<UploadedFile | null> => {
    if (!request.isMultipart()) return null;
    const file = await request.file();
    if (!file) return null;
    const data = await file.toBuffer().catch((error: { code?: string }) => {
      if (error.code === 'FST_REQ_FILE_TOO_LARGE') return null;
      throw error;
    });
    return { fileName: file.filename, data: data ?? Buffer.alloc(0), truncated: data === null || file.file.truncated };
  };

  for (const route of FILE_ROUTES) {
    app.route<{ Params: Record<string, string>; Querystring: Record<string, string | undefined> }>({
      method: route.method,
      url: route.path,
      handler: async (request, reply) => {
        const meta = requestMeta(request);
        try {
          const user = await createContext(deps, { sessionToken: request.cookies[SESSION_COOKIE] ?? null, meta, cookie: { set: () => undefined, clear: () => undefined } }).session();
          if (!user) throw new DomainError('UNAUTHENTICATED', 'error.unauthenticated');
          if (route.access.kind === 'roles' && !holds(user, route.access.roles)) throw new DomainError('FORBIDDEN', 'error.forbidden');
          const answer = await route.handle(deps, user, { params: request.params, query: request.query, lang: meta.lang, meta, upload: () => upload(request) });
          if (answer.kind === 'json') return reply.code(answer.status).send(answer.body);
          request.log.info({ file: route.path, bytes: answer.data.byteLength }, 'file');
          return reply
            .header('content-type', answer.contentType)
            .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(answer.fileName)}`)
            .header('cache-control', 'private, no-store')
            .send(answer.data);
        } catch (error) {
          if (error instanceof DomainError) return refuse(request, reply, error);
          throw error;
        }
      },
    });
  }
}
