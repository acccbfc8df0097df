/**
 * Builds the Fastify application: conventions (request ids, problem+json,
 * security headers, OpenAPI), authentication, and every module's routes.
 * It does not listen; server.ts does.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { type DocumentStorage, localDocumentStorage } from '@domain/documents/index.ts';
import { type Clock, systemClock } from '@domain/shared/clock.ts';
import { AppError } from '@domain/shared/errors.ts';
import type { Db } from '@domain/shared/context.ts';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type pg from 'pg';
import { type Config, loadConfig, type TrustProxy } from './config.ts';
import { installAuth } from './plugins/auth.ts';
import { installConcurrencyLimits, type Limiters } from './plugins/concurrency.ts';
import { frameworkErrorHandler, registerErrorHandling, type UnavailableCounts, unavailableCounts } from './plugins/errors.ts';
import { documentErrors, problemComponent } from './plugins/openapi-errors.ts';
import { installRefusalAudit } from './plugins/refusal-audit.ts';
import { installRouteGuard, type RegisteredRoute } from './plugins/route-guard.ts';
import { serializerCompiler } from './plugins/serializer.ts';
import { installSecurityHeaders, jsonAnswerHeaders, securityHeaderSets } from './plugins/security-headers.ts';
import { installTextGuard } from './plugins/text-guard.ts';
import type { App } from './plugins/types.ts';
import { routeModules } from './routes/index.ts';
import { FlowBoardHub } from './routes/scheduling/flow-board-hub.ts';

export interface AppDeps {
  db: Db;
  pool: pg.Pool;
  clock?: Clock;
  logger?: FastifyServerOptions['logger'];
  bodyLimitBytes?: number;
  secureCookies?: boolean;
  /** Directory of the built web UI; served at / when present. */
  webDist?: string;
  /** Extra route modules (tests use this to prove the start-up guard). */
  extraRoutes?: ((app: App) => Promise<void>)[];
  /** Proxies trusted to tell the client's address (CLINICDESK_TRUST_PROXY); none by default. */
  trustProxy?: TrustProxy;
  /** Requests per minute per client address on unauthenticated API routes (sign-in, invitations, patient links, feeds). */
  publicRateLimitPerMinute?: number;
  /** The installation's configuration (server.ts passes the one it started with); read from the environment when omitted. */
  config?: Config;
  /** Where uploaded documents are kept; by default files under `config.dataDir`. */
  documentStorage?: DocumentStorage;
}

/** What the host gives every route module besides the request: `app.services`. */
export interface Services {
  pool: pg.Pool;
  clock: Clock;
  /** Served over HTTPS: the session cookie is Secure, with the __Host- prefix. */
  secureCookies: boolean;
  config: Config;
  documentStorage: DocumentStorage;
  /** Live flow-board changes: one LISTEN connection per process, fanned out to the event streams. */
  flowBoard: FlowBoardHub;
  /** How the process is coping, for GET /readyz: 503 answers by cause, and the expensive routes' limits. */
  load: { unavailable: UnavailableCounts; expensive: Limiters };
  /** The security headers every answer carries (plugins/security-headers.ts), for a route that writes its own head. */
  securityHeaders: Readonly<Record<string, string>>;
}

export const DEFAULT_PUBLIC_RATE_LIMIT = 120;

/** A hop count becomes "trust the nearest N addresses" (what Fastify does for a number, which its types omit). */
function trustProxyOption(trust: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}

export interface BuiltApp {
  app: App;
  routes: RegisteredRoute[];
}

export async function buildApp(deps: AppDeps): Promise<BuiltApp> {
  const clock = deps.clock ?? systemClock;
  const config = deps.config ?? loadConfig();
  const headerSets = securityHeaderSets({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameSrc: ["'self'", 'blob:'],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    // HSTS only when served over HTTPS: over plain HTTP it is meaningless, and wrong for a development host name.
    hsts: deps.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    // Agrees with frame-ancestors 'none' (older browsers read only this header).
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: deps.bodyLimitBytes ?? 1_048_576,
    // A caller's x-request-id is kept only when it looks like an id (no log injection).
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9._:-]{8,100}$/.test(given) ? given : randomUUID();
    },
    // Only the configured hops: X-Forwarded-For entries a client wrote itself are never taken as its address.
    trustProxy: trustProxyOption(deps.trustProxy ?? false),
    routerOptions: { ignoreTrailingSlash: true },
    return503OnClosing: true,
    // A malformed or over-long URL answers problem+json too (plugins/errors.ts), with the headers
    // of a JSON answer: no hook runs for it.
    frameworkErrors: (error, request, reply) => {
      reply.headers(jsonAnswerHeaders(headerSets, request));
      return frameworkErrorHandler(error, request, reply);
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler({ crossCheck: config.checkSerializers }));
  // Every body the API reads is JSON (or a route's own media type): a text/plain body is an
  // unsupported media type (415), not a string for the schema to refuse (400).
  app.removeContentTypeParser('text/plain');

  const routes: RegisteredRoute[] = [];
  installRouteGuard(app, routes);
  const expensive = installConcurrencyLimits(app, {
    limits: config.routeLimits,
  });
  const unavailable = unavailableCounts();
  registerErrorHandling(app, { pool: deps.pool, counts: unavailable });
  installRefusalAudit(app);
  installTextGuard(app);

  await app.register(fastifyCookie);
  // Unauthenticated API routes get a per-address limit (the route guard marks them); signed-in routes do not.
  await app.register(fastifyRateLimit, {
    global: false,
    max: deps.publicRateLimitPerMinute ?? DEFAULT_PUBLIC_RATE_LIMIT,
    timeWindow: 60_000,
    errorResponseBuilder: (_request, context) =>
      new AppError('RATE_LIMITED', `too many requests from this address; try again in ${context.after}`),
  });
  installSecurityHeaders(app, headerSets);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'ClinicDesk API', version: '0.1.0', description: 'The office of a medical practice.' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'cd_session' },
        },
        schemas: { Problem: problemComponent() },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    // Route schemas to JSON Schema, plus each route's error answers (plugins/openapi-errors.ts).
    transform: documentErrors(jsonSchemaTransform),
  });
  // The docs UI is public (the route guard knows its prefix).
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  // Also gives each signed-in request its practice's database handle (row-level security, packages/db/src/tenant.ts).
  installAuth(app, {
    db: deps.db,
    pool: deps.pool,
    clock,
    mfaPolicyOff: !config.requireMfa,
    secureCookies: deps.secureCookies ?? false,
    reportStatementTimeoutMs: config.reportStatementTimeoutMs,
  });

  const flowBoard = new FlowBoardHub(deps.pool, (err) => app.log.warn({ err }, 'flow board LISTEN connection lost'));
  // Before the server stops accepting: end the open streams, or close would wait on them forever.
  app.addHook('preClose', async () => flowBoard.close());
  const services: Services = {
    pool: deps.pool,
    clock,
    secureCookies: deps.secureCookies ?? false,
    config,
    documentStorage: deps.documentStorage ?? localDocumentStorage(config.dataDir),
    flowBoard,
    load: { unavailable, expensive },
    securityHeaders: headerSets.document,
  };
  app.decorate('services', services);
  for (const mod of [...routeModules, ...(deps.extraRoutes ?? [])]) {
    await app.register(mod);
  }

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  if (deps.webDist && fs.existsSync(path.join(deps.webDist, 'index.html'))) {
    const root = path.resolve(deps.webDist);
    // The build writes .br and .gz beside each text file (apps/web/vite.config.ts): sent by
    // Accept-Encoding, with `Vary: Accept-Encoding`; a client accepting neither gets the file itself.
    // Cache headers are ours (below), not the plugin's `public, max-age=0`.
    await app.register(fastifyStatic, { root, serve: false, preCompressed: true, cacheControl: false });
    // Built assets by path; any other non-API GET is a client-side route and gets index.html.
    app.get('/*', { config: { public: true }, schema: { hide: true } }, (request, reply) => {
      const urlPath = decodeURIComponent(request.url.split('?')[0] ?? '/');
      if (urlPath.startsWith('/api/')) return reply.callNotFound();
      const file = path.normalize(path.join(root, urlPath));
      const isFile = file.startsWith(root + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile();
      // Hashed names under /assets/ never change content: a year, immutable. A missing one is a
      // stale chunk, not a client route: 404, not index.html under a script's name.
      if (urlPath.startsWith('/assets/')) {
        if (!isFile) return reply.callNotFound();
        reply.header('cache-control', 'public, max-age=31536000, immutable');
        return reply.sendFile(path.relative(root, file));
      }
      // index.html and unhashed files: revalidate every time (ETag / Last-Modified answer 304).
      reply.header('cache-control', 'no-cache');
      if (isFile) return reply.sendFile(path.relative(root, file));
      return reply.type('text/html').sendFile('index.html');
    });
  }

  await app.ready();
  return { app, routes };
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}
