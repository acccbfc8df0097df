/**
 * One kind of request cannot starve the server: a route declaring `config.expensive` (search,
 * availability, reports and exports) runs at most `inFlight` at once per process, of its kind,
 * with a short queue behind. A request that finds the queue full, or waits in it too long,
 * answers 503 problem+json with Retry-After at once, before it touches the database. Sign-in,
 * /api/me and everyday reads declare nothing and are never queued: during a flood of searches
 * they still find free connections.
 *
 * A 'report' route's statements may also run longer than a request's: the auth plugin gives it
 * its practice's report handle (CLINICDESK_REPORT_STATEMENT_TIMEOUT_MS instead of the pool's
 * `statement_timeout`).
 */
import { AppError } from '@domain/shared/errors.ts';
import type { FastifyInstance, RouteHandlerMethod, RouteOptions } from 'fastify';
import { ROUTE_COSTS, type RouteCost, type RouteLimit, type RouteLimits } from '../config.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * An expensive route, of this kind: limited per process and shed with 503 past the limit
     * (plugins/concurrency.ts); a 'report' runs its statements under the longer report timeout.
     */
    expensive?: RouteCost;
  }
}

/** Seconds a shed request is told to wait: the queue turns over quickly. */
const SHED_RETRY_AFTER = '1';

const WHAT: Record<RouteCost, string> = {
  search: 'searches',
  availability: 'availability requests',
  report: 'reports and exports',
};

/** A counting semaphore with a bounded, time-limited queue. */
export class Limiter {
  private running = 0;
  private readonly waiting = new Set<(granted: boolean) => void>();
  /** Requests refused since start (queue full, or waited too long). */
  shed = 0;

  constructor(readonly limit: RouteLimit) {}

  get inFlight(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.size;
  }

  /** True once the request may run (it must then `release()`); false when it is shed. */
  acquire(): Promise<boolean> {
    if (this.running < this.limit.inFlight) {
      this.running++;
      return Promise.resolve(true);
    }
    if (this.waiting.size >= this.limit.queue) {
      this.shed++;
      return Promise.resolve(false);
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(grant);
        this.shed++;
        resolve(false);
      }, this.limit.waitMs);
      timer.unref();
      const grant = (granted: boolean) => {
        clearTimeout(timer);
        resolve(granted);
      };
      this.waiting.add(grant);
    });
  }

  release(): void {
    const next = this.waiting.values().next();
    if (next.done) {
      this.running--;
      return;
    }
    // The slot passes straight to the longest waiter: `running` stays as it is.
    this.waiting.delete(next.value);
    next.value(true);
  }
}

export type Limiters = Record<RouteCost, Limiter>;

/**
 * Wraps the handler of each expensive route registered from now on (call before any route
 * module registers). The slot is held for the handler's own run, whatever the client does
 * meanwhile, so a client that hangs up cannot make room for more work than the limit.
 */
export function installConcurrencyLimits(app: FastifyInstance, opts: { limits: RouteLimits }): Limiters {
  const limiters = Object.fromEntries(ROUTE_COSTS.map((cost) => [cost, new Limiter(opts.limits[cost])])) as Limiters;
  app.addHook('onRoute', (route: RouteOptions) => {
    const cost = (route.config as { expensive?: RouteCost } | undefined)?.expensive;
    // An unknown kind is refused by the route guard.
    if (cost === undefined || !ROUTE_COSTS.includes(cost)) return;
    const limiter = limiters[cost];
    const handler = route.handler as RouteHandlerMethod;
    route.handler = async function limited(this: FastifyInstance, request, reply) {
      if (!(await limiter.acquire())) {
        throw new AppError('SERVICE_UNAVAILABLE', `too many ${WHAT[cost]} in progress; try again shortly`, {
          headers: { 'retry-after': SHED_RETRY_AFTER },
        });
      }
      try {
        return await handler.call(this, request, reply);
      } finally {
        limiter.release();
      }
    };
  });
  return limiters;
}
