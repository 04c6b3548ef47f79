/**
 * The HTTP adapter: tRPC at /trpc, GET /healthz, and (when built) the web client, all on one
 * port. Logs are pino JSON lines carrying a request id. Cross-site requests are refused.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { appRouter, createContext, type ApiDeps, type AppRouter } from '@tp/api';
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
}

function requestLanguage(request: FastifyRequest) {
  return pickLanguage(request.cookies[LANGUAGE_COOKIE], request.headers['accept-language']);
}

/** The JSON error body for failures outside tRPC (bad JSON, cross-site, unknown route). */
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
  });

  await app.register(fastifyCookie);

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    if (request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'OPTIONS' && isCrossSite(request)) {
      request.log.warn({ origin: request.headers.origin, site: request.headers['sec-fetch-site'] }, 'cross-site request refused');
      return reply.code(403).send(errorBody(request, 403, 'error.crossSite'));
    }
  });

  app.setErrorHandler((error: { statusCode?: number; code?: string }, request, reply: FastifyReply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error }, 'unhandled error');
    else request.log.info({ code: error.code }, 'bad request');
    return reply.code(status).send(errorBody(request, status, status === 500 ? 'error.internal' : 'error.badRequest'));
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

  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: ({ req, res }) => {
        const secure = req.protocol === 'https';
        return createContext(deps, {
          sessionToken: req.cookies[SESSION_COOKIE] ?? null,
          meta: {
            requestId: req.id,
            ip: req.ip ?? null,
            userAgent: req.headers['user-agent'] ?? null,
            lang: requestLanguage(req),
          },
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
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: 'index.html' });
    // The client routes in the browser: any other GET gets the app's page.
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/trpc') && request.headers.accept?.includes('text/html')) {
        return reply.type('text/html').sendFile('index.html');
      }
      return reply.code(404).send(errorBody(request, 404, 'error.notFound'));
    });
  } else {
    app.setNotFoundHandler((request, reply) => reply.code(404).send(errorBody(request, 404, 'error.notFound')));
  }

  return app;
}
