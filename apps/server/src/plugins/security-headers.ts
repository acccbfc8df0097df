/**
 * Security headers on every answer (CSP, frame and referrer policy, HSTS over HTTPS, nosniff…),
 * worked out once at start-up: helmet's middleware runs against a response that records what it
 * sets, and every request is given those headers. The policy has no nonces or other per-request
 * values, so one set of headers is the whole policy. (@fastify/helmet built helmet's middleware
 * again and parsed the CSP directives on every request: 7 % of the CPU of an ICD-10 search.)
 */
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/** The headers helmet sets for `options`, by lower-case name. */
export function securityHeaders(options: Readonly<HelmetOptions>): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let finished = false;
  helmet(options)({} as never, recorder as never, (err?: unknown) => {
    if (err) throw err;
    finished = true;
  });
  if (!finished) throw new Error('the security headers were not worked out at start-up');
  return Object.freeze(headers);
}

/** Sets the headers on every answer; a route that hijacks its reply writes them itself (answered here). */
export function installSecurityHeaders(app: FastifyInstance, options: Readonly<HelmetOptions>): Readonly<Record<string, string>> {
  const headers = securityHeaders(options);
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  return headers;
}
