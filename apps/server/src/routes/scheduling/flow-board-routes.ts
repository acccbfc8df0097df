/** The flow board: today's visits at a location, and a live stream of their changes. */
import { resolveSession } from '@domain/identity/index.ts';
import { flowBoardItemSchema, getFlowBoard, openFlowBoardStream } from '@domain/scheduling/index.ts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../plugins/types.ts';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from '../../plugins/auth.ts';

const tags = ['scheduling'];
const HEARTBEAT_MS = 15_000;

/** The token the request was authenticated with (bearer or session cookie), to re-check the session while streaming. */
function sessionToken(request: FastifyRequest): string | undefined {
  const bearer = /^Bearer\s+(\S+)$/.exec(request.headers.authorization ?? '')?.[1];
  const cookies = (request as unknown as { cookies?: Record<string, string | undefined> }).cookies ?? {};
  return bearer ?? cookies[SECURE_SESSION_COOKIE] ?? cookies[SESSION_COOKIE];
}

export async function flowBoardRoutes(app: App) {
  const hub = app.services.flowBoard;

  app.get(
    '/api/flow-board',
    {
      config: { permission: 'appointment:read' },
      schema: {
        tags,
        summary: "A location's day: status, arrival, minutes waiting, room, provider",
        querystring: z.strictObject({
          locationId: z.string().uuid(),
          date: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/)
            .optional(),
        }),
        response: {
          200: z.object({ items: z.array(flowBoardItemSchema), nextCursor: z.null(), date: z.string(), timeZone: z.string() }),
        },
      },
    },
    async (request) => ({ ...(await getFlowBoard(request.ctx, request.query)), nextCursor: null }),
  );

  app.get(
    '/api/flow-board/stream',
    {
      // Passive: an open board on a wall must not keep a session alive.
      config: { permission: 'appointment:read', passive: true },
      schema: {
        tags,
        summary:
          'Server-Sent Events: `appointment` events ({ appointmentId, locationId, status }) as they happen; refetch the board on each',
        querystring: z.strictObject({ locationId: z.string().uuid() }),
      },
    },
    async (request, reply) => {
      const { locationId } = request.query;
      await openFlowBoardStream(request.ctx, locationId);
      const raw = reply.raw;
      let open = true;
      const write = (chunk: string) => {
        if (open) raw.write(chunk);
      };
      const end = () => {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        unsubscribe();
        raw.end();
      };
      const unsubscribe = await hub.subscribe({
        organizationId: request.ctx.organizationId,
        locationId,
        send: (event) => write(`event: appointment\ndata: ${JSON.stringify(event)}\n\n`),
        end,
      });
      reply.hijack();
      // A hijacked reply writes its own head: the security headers every answer carries, then the stream's.
      raw.writeHead(200, {
        ...app.services.securityHeaders,
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': request.id,
      });
      // `ready` tells the client the subscription is live: changes from now on will arrive.
      write(`retry: 3000\nevent: ready\ndata: ${JSON.stringify({ locationId })}\n\n`);
      // Each heartbeat re-checks the session without sliding it: a stream ends with its session.
      const token = sessionToken(request);
      const heartbeat = setInterval(() => {
        void (async () => {
          const session = token
            ? await resolveSession(request.ctx.baseDb, request.ctx.clock, token, { passive: true }).catch(() => 'missing' as const)
            : 'missing';
          if (typeof session === 'string') {
            write('event: session-ended\ndata: {}\n\n');
            end();
          } else write(': ping\n\n');
        })();
      }, HEARTBEAT_MS);
      heartbeat.unref();
      request.raw.on('close', end);
    },
  );
}
