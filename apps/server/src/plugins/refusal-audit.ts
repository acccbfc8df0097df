/**
 * Refused requests leave a trace: a 401 on a protected route and a 403 permission
 * refusal write an `access_denied` audit row, so an access review sees probing. Rows are
 * coalesced per caller (user, or address when no session), route and minute: the first
 * refusal in a minute is written with its status; repeats inside that minute are not
 * (per process). Sign-in's own refusals are audited by sign-in.
 */
import { recordAudit } from '@domain/audit/index.ts';
import { AppError, type ErrorCode } from '@domain/shared/errors.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';

const AUDITED: ReadonlySet<ErrorCode> = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED', 'FORBIDDEN', 'CSRF_REJECTED']);
/** Distinct callers × routes remembered in one minute; past this the minute stops writing (a flood is already on record). */
const MAX_KEYS_PER_MINUTE = 10_000;

export function installRefusalAudit(app: FastifyInstance): void {
  let minute = -1;
  let seen = new Set<string>();

  const firstThisMinute = (key: string, now: Date): boolean => {
    const m = Math.floor(now.getTime() / 60_000);
    if (m !== minute) {
      minute = m;
      seen = new Set();
    }
    if (seen.has(key) || seen.size >= MAX_KEYS_PER_MINUTE) return false;
    seen.add(key);
    return true;
  };

  app.addHook('onError', async (request: FastifyRequest, _reply, error) => {
    if (!(error instanceof AppError) || !AUDITED.has(error.code)) return;
    const cfg = request.routeOptions.config ?? {};
    if ((cfg as { public?: boolean }).public || !request.routeOptions.url) return;
    const ctx = request.ctx;
    if (!ctx) return;
    const route = `${request.method} ${request.routeOptions.url}`;
    const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
    if (!firstThisMinute(`${userId ?? `ip:${ctx.ip}`}|${route}`, ctx.clock.now())) return;
    try {
      await recordAudit(ctx, {
        action: 'access_denied',
        resourceType: 'route',
        resourceId: null,
        outcome: 'denied',
        userId,
        organizationId: ctx.organizationId || null,
        details: {
          route,
          code: error.code,
          ...(error.code === 'FORBIDDEN' ? { permission: (cfg as { permission?: string }).permission ?? null } : {}),
        },
      });
    } catch (err) {
      // The refusal stands whether or not its trace could be written.
      request.log.warn({ err }, 'could not audit a refused request');
    }
  });
}
