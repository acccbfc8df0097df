import { sql } from 'kysely';
import { z } from 'zod';
import type { App } from '../plugins/types.ts';

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

  app.get(
    '/readyz',
    {
      logLevel: probeLogLevel,
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Readiness: the database answers',
        response: {
          200: z.object({ status: z.literal('ready') }),
          // The probe's own body, not a problem document (its own `content` keeps it so in the OpenAPI document).
          503: {
            description: 'The database does not answer',
            content: { 'application/json': { schema: z.object({ status: z.literal('unavailable') }) } },
          },
        },
      },
    },
    async (request, reply) => {
      try {
        await Promise.race([
          sql`select 1`.execute(request.ctx.db),
          new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2_000)),
        ]);
        return { status: 'ready' as const };
      } catch {
        return reply.code(503).send({ status: 'unavailable' as const });
      }
    },
  );
}
