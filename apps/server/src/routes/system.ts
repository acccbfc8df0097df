import { poolExhausted, poolState, whyUnavailable } from '@db/index.ts';
import { sql } from 'kysely';
import { z } from 'zod';
import { ROUTE_COSTS, type RouteCost } from '../config.ts';
import type { App } from '../plugins/types.ts';

const count = z.number().int();

/** What `/readyz?verbose` tells besides ready or not: enough to see a flood or an outage building. */
const verboseMembers = {
  pool: z
    .object({ max: count, total: count, idle: count, waiting: count })
    .optional()
    .describe("?verbose: the request pool's connections: its size, open, idle, and requests waiting for one"),
  unavailable: z
    .object({ poolExhausted: count, databaseDown: count, databaseBusy: count, statementTimeout: count })
    .optional()
    .describe('?verbose: 503 answers since the process started, by cause'),
  expensive: z
    .record(z.enum(ROUTE_COSTS), z.object({ inFlight: count, queued: count, shed: count }))
    .optional()
    .describe('?verbose: expensive routes by kind: running now, waiting now, and refused with 503 since start'),
};

/** Liveness and readiness: no auth, no patient data. */
export default async function systemRoutes(app: App) {
  // Probes arrive every few seconds: their request lines appear only when debugging.
  const level = app.log.level;
  const probeLogLevel = level === 'trace' ? 'trace' : level === 'debug' ? 'debug' : 'warn';
  app.get(
    '/healthz',
    {
      logLevel: probeLogLevel,
      config: { public: true },
      schema: { tags: ['system'], summary: 'Liveness', response: { 200: z.object({ status: z.literal('ok') }) } },
    },
    async () => ({ status: 'ok' as const }),
  );

  /** The pool, the 503s by cause and the expensive routes' queues, as `?verbose` shows them. */
  const load = () => {
    const state = poolState(app.services.pool);
    const { unavailable, expensive } = app.services.load;
    return {
      pool: { max: state.max, total: state.totalCount, idle: state.idleCount, waiting: state.waitingCount },
      unavailable: {
        poolExhausted: unavailable.pool_exhausted,
        databaseDown: unavailable.database_down,
        databaseBusy: unavailable.database_busy,
        statementTimeout: unavailable.statement_timeout,
      },
      expensive: Object.fromEntries(
        ROUTE_COSTS.map((cost) => [
          cost,
          { inFlight: expensive[cost].inFlight, queued: expensive[cost].queued, shed: expensive[cost].shed },
        ]),
      ) as Record<RouteCost, { inFlight: number; queued: number; shed: number }>,
    };
  };

  app.get(
    '/readyz',
    {
      logLevel: probeLogLevel,
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Readiness: the database answers (?verbose: and how the process is coping)',
        // A probe is not a form: parameters it does not know are ignored, never refused.
        querystring: z.looseObject({ verbose: z.string().max(10).optional() }),
        response: {
          200: z.object({ status: z.literal('ready'), ...verboseMembers }),
          // The probe's own body, not a problem document (its own `content` keeps it so in the OpenAPI document).
          503: {
            description: 'The database does not answer',
            content: {
              'application/json': {
                schema: z.object({
                  status: z.literal('unavailable'),
                  reason: z
                    .enum(['pool_exhausted', 'database_down', 'database_busy', 'statement_timeout'])
                    .optional()
                    .describe(
                      '?verbose: pool_exhausted: every connection of this process is busy (the database may be fine); database_down: it cannot be reached',
                    ),
                  ...verboseMembers,
                }),
              },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const verbose = request.query.verbose !== undefined;
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          sql`select 1`.execute(request.ctx.db),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error('timeout')), 2_000);
          }),
        ]);
        return { status: 'ready' as const, ...(verbose ? load() : {}) };
      } catch (err) {
        if (!verbose) return reply.code(503).send({ status: 'unavailable' as const });
        // When our own two seconds ran out first, the pool tells whether the wait was for a busy
        // connection or for a database that never answered.
        const reason = whyUnavailable(err) ?? (poolExhausted(poolState(app.services.pool)) ? 'pool_exhausted' : 'database_down');
        return reply.code(503).send({ status: 'unavailable' as const, reason, ...load() });
      } finally {
        clearTimeout(timer);
      }
    },
  );
}
