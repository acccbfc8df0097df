/**
 * Logs (pino): JSON, or human lines (pino-pretty) when the output is a terminal. No
 * patient data: requests are logged by method and path only (query strings can hold
 * names and birth dates), bodies never, auth headers redacted.
 */
import type { FastifyServerOptions } from 'fastify';
import type { LoggerOptions } from 'pino';

/** pino-pretty in a worker thread: colours, local time, no pid/hostname noise. */
export function prettyTransport(pretty: boolean): Pick<LoggerOptions, 'transport'> {
  return pretty
    ? { transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } }
    : {};
}

export function loggerOptions(level: string, pretty = false): FastifyServerOptions['logger'] {
  return {
    level,
    ...prettyTransport(pretty),
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], remove: true },
    serializers: {
      req(req: { method: string; url: string; id: string; ip?: string }) {
        return { method: req.method, path: req.url.split('?')[0], requestId: req.id };
      },
      res(res: { statusCode: number }) {
        return { statusCode: res.statusCode };
      },
    },
  };
}
