import { sql } from 'kysely';
import { z } from 'zod';
import type { App } from '../plugins/types.ts';

/** Liveness and readiness: no auth, no patient data. */
export default async function systemRoutes(app: App) {
  app.get(
    '/healthz',
    {
      config: { public: true },
      schema: { tags: ['system'], summary: 'Liveness', response: { 200: z.object({ status: z.literal('ok') }) } },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Readiness: the database answers',
        response: { 200: z.object({ status: z.literal('ready') }), 503: z.object({ status: z.literal('unavailable') }) },
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
