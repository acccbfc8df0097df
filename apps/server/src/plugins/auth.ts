/**
 * Builds `request.ctx` for every request and enforces authentication, CSRF and
 * the route's permission before any handler runs (default deny).
 */
import { createKysely, organizationScopes } from '@db/index.ts';
import type { Database } from '@domain/database.ts';
import { SessionCache } from '@domain/identity/session-cache.ts';
import { resolveSession, toUserActor } from '@domain/identity/sessions.ts';
import type { Clock } from '@domain/shared/clock.ts';
import type { Db } from '@domain/shared/context.ts';
import { AppError } from '@domain/shared/errors.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type pg from 'pg';
import { SessionNotices } from './session-notices.ts';

export const SESSION_COOKIE = 'cd_session';
export const SECURE_SESSION_COOKIE = '__Host-cd_session';
/** Custom header a cookie-authenticated state change must carry (cross-site forms cannot set it). */
export const CSRF_HEADER = 'x-clinicdesk-csrf';
export const LOCATION_HEADER = 'x-location-id';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Known practice locations kept in memory before the set starts again. */
const KNOWN_LOCATIONS_MAX = 10_000;

function bearerToken(request: FastifyRequest): string | undefined {
  const h = request.headers.authorization;
  if (!h) return undefined;
  const m = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(h);
  if (!m) throw new AppError('UNAUTHENTICATED', 'malformed Authorization header');
  return m[1];
}

function checkSameOrigin(request: FastifyRequest): void {
  if (!request.headers[CSRF_HEADER]) throw new AppError('CSRF_REJECTED', `cookie-authenticated changes need the ${CSRF_HEADER} header`);
  const site = request.headers['sec-fetch-site'];
  if (site && site !== 'same-origin' && site !== 'none') throw new AppError('CSRF_REJECTED', 'cross-site request refused');
  const origin = request.headers.origin;
  if (origin) {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      throw new AppError('CSRF_REJECTED', 'bad Origin header');
    }
    if (host !== request.headers.host) throw new AppError('CSRF_REJECTED', 'cross-origin request refused');
  }
}

export function installAuth(
  app: FastifyInstance,
  deps: { db: Db; pool: pg.Pool; clock: Clock; mfaPolicyOff?: boolean; secureCookies?: boolean; reportStatementTimeoutMs: number },
): void {
  app.decorateRequest('ctx', null as never);
  // Row-level security: a signed-in request's handle is its practice's, whose every connection
  // carries the organization (packages/db/src/tenant.ts). Before that, and on public routes,
  // the request has the process's unscoped handle.
  const organizationDb = organizationScopes(deps.pool, (pool) => createKysely<Database>(pool));
  // Report routes (`config.expensive: 'report'`) get their practice's handle whose connections
  // carry the longer report statement timeout (CLINICDESK_REPORT_STATEMENT_TIMEOUT_MS).
  const reportDb = organizationScopes(deps.pool, (pool) => createKysely<Database>(pool), 1_000, {
    statementTimeoutMs: deps.reportStatementTimeoutMs,
  });
  const sessions = new SessionCache();
  // Locations found to belong to a practice (`org/location`): a location is never deleted and
  // never changes practice, so the web app's x-location-id on every request is looked up once.
  const knownLocations = new Set<string>();
  const notices = new SessionNotices(deps.pool, sessions, (err) => app.log.warn({ err }, 'session notice connection lost'));
  app.decorate('sessionCache', sessions);
  app.addHook('onClose', async () => notices.close());
  app.addHook('onRequest', async (request) => {
    request.ctx = {
      actor: { kind: 'anonymous' },
      organizationId: '',
      locationId: null,
      requestId: request.id,
      clock: deps.clock,
      db: deps.db,
      baseDb: deps.db,
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? null,
    };
    const cfg = request.routeOptions.config ?? {};
    if (cfg.public || !request.routeOptions.url) return; // public route, or 404 handler
    const bearer = bearerToken(request);
    const cookies = (request as unknown as { cookies?: Record<string, string | undefined> }).cookies ?? {};
    // Over HTTPS only the __Host- cookie counts: a sibling subdomain can toss a plain cd_session, never a __Host- one.
    const cookie = deps.secureCookies ? cookies[SECURE_SESSION_COOKIE] : cookies[SESSION_COOKIE];
    const token = bearer ?? cookie;
    if (!token) throw new AppError('UNAUTHENTICATED');
    notices.ensure();
    const session = await resolveSession(deps.db, deps.clock, token, {
      passive: cfg.passive === true,
      mfaPolicyOff: deps.mfaPolicyOff === true,
      cache: sessions,
    });
    if (session === 'missing') throw new AppError('UNAUTHENTICATED', 'unknown or ended session');
    if (session === 'expired') throw new AppError('SESSION_EXPIRED');
    // From here on this request's connections see only its practice's patient data.
    const db = cfg.expensive === 'report' ? reportDb(session.organizationId) : organizationDb(session.organizationId);
    request.ctx = { ...request.ctx, db, baseDb: db };
    if (!bearer && !SAFE_METHODS.has(request.method)) checkSameOrigin(request);
    const requested = request.headers[LOCATION_HEADER];
    let locationId: string | null = null;
    if (typeof requested === 'string' && requested) {
      const known = `${session.organizationId}/${requested}`;
      if (knownLocations.has(known)) locationId = requested;
      else {
        const loc = /^[0-9a-f-]{36}$/i.test(requested)
          ? await db
              .selectFrom('locations')
              .select('id')
              .where('id', '=', requested)
              .where('organization_id', '=', session.organizationId)
              .executeTakeFirst()
          : undefined;
        if (!loc)
          throw new AppError('VALIDATION_FAILED', 'unknown location', {
            errors: [{ path: `headers.${LOCATION_HEADER}`, message: 'unknown location' }],
          });
        locationId = loc.id;
        if (knownLocations.size >= KNOWN_LOCATIONS_MAX) knownLocations.clear();
        knownLocations.add(`${session.organizationId}/${loc.id}`);
      }
    }
    // A role granted at one location acts only there: without a location header, only practice-wide grants count.
    const actor = toUserActor(session, locationId);
    request.ctx = { ...request.ctx, actor, organizationId: session.organizationId, locationId };
    (request as unknown as { session: typeof session }).session = session;
    if (session.mfaPending && !cfg.allowMfaPending) throw new AppError('MFA_REQUIRED', 'finish signing in with your one-time code');
    if (cfg.permission && !actor.permissions.has(cfg.permission)) {
      throw new AppError('FORBIDDEN', `your role does not grant ${cfg.permission}`);
    }
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    /** This app's resolved sessions (identity/session-cache.ts). */
    sessionCache: SessionCache;
  }
}
