import type { Clock } from '../shared/clock.ts';
import type { Ctx, Db } from '../shared/context.ts';

/** A system-actor context for background work and patient links (audit role `system:<purpose>`). */
export function systemCtx(db: Db, clock: Clock, organizationId: string, purpose: string, requestId: string): Ctx {
  return {
    actor: { kind: 'system', organizationId, purpose },
    organizationId,
    locationId: null,
    requestId,
    clock,
    db,
    baseDb: db,
    ip: null,
    userAgent: null,
  };
}
