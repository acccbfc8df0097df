/**
 * Security headers on every answer, worked out once at start-up: helmet's middleware runs
 * against a response that records what it sets, and every request is given those headers. The
 * policy has no nonces or other per-request values, so one set of headers is the whole policy.
 * (@fastify/helmet built helmet's middleware again and parsed the CSP directives on every
 * request: 7 % of the CPU of an ICD-10 search.)
 *
 * Two sets, by what the answer is:
 *  - a document (the web UI, a PDF, a CSV, an HTML page of a signed link, the API docs, an
 *    iCalendar feed; anything not JSON) gets helmet's whole set: the page's CSP, opener and
 *    agent-cluster isolation, the legacy download and cross-domain switches;
 *  - a JSON answer (application/json, application/problem+json) is never rendered as a page, so
 *    it gets what the OWASP REST cheat sheet lists for APIs and no document switches: nosniff,
 *    frame denial, no referrer, same-origin resource policy, HSTS over HTTPS, and a CSP that
 *    allows nothing (`default-src 'none'; frame-ancestors 'none'`), stricter than the page's.
 * Each header costs the HTTP layer its checks on every answer; an API answer writes 7 of them
 * instead of 14. What both sets share is set when the request arrives (an error thrown before
 * the handler still carries it); the rest when the answer's type is known (onSend).
 */
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/** The CSP of a JSON answer: it loads nothing and is framed nowhere. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Headers every answer carries, whatever its type (when helmet's options set them). */
const SHARED = [
  'x-content-type-options',
  'x-frame-options',
  'referrer-policy',
  'cross-origin-resource-policy',
  'strict-transport-security',
] as const;

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

/** A JSON answer's media type (the API's answers and its problem+json errors). */
function isJson(contentType: unknown): boolean {
  return (
    typeof contentType === 'string' && (contentType.startsWith('application/json') || contentType.startsWith('application/problem+json'))
  );
}

/** The header sets of one policy, worked out once. */
export interface SecurityHeaderSets {
  /** Helmet's whole set: what a document carries (and a hijacked stream writes itself). */
  document: Readonly<Record<string, string>>;
  /** Shared by every answer under /api, with `cache-control: no-store`. */
  apiShared: Readonly<Record<string, string>>;
  /** Shared by every answer elsewhere. */
  otherShared: Readonly<Record<string, string>>;
  /** What a document adds to the shared set. */
  documentOnly: Readonly<Record<string, string>>;
}

export function securityHeaderSets(options: Readonly<HelmetOptions>): SecurityHeaderSets {
  const document = securityHeaders(options);
  const shared: Record<string, string> = {};
  const documentOnly: Record<string, string> = {};
  for (const [name, value] of Object.entries(document)) {
    if ((SHARED as readonly string[]).includes(name)) shared[name] = value;
    else documentOnly[name] = value;
  }
  return {
    document,
    apiShared: Object.freeze({ ...shared, 'cache-control': 'no-store' }),
    otherShared: Object.freeze(shared),
    documentOnly: Object.freeze(documentOnly),
  };
}

/**
 * The headers of a JSON answer to `request` (with its request id), for an answer written where
 * no hook runs (the router's own errors, plugins/errors.ts `frameworkErrorHandler`).
 */
export function jsonAnswerHeaders(sets: SecurityHeaderSets, request: { url: string; id: string }): Record<string, string> {
  return {
    ...(request.url.startsWith('/api') ? sets.apiShared : sets.otherShared),
    'content-security-policy': API_CONTENT_SECURITY_POLICY,
    'x-request-id': request.id,
  };
}

/**
 * Sets the headers on every answer, with the request id (`x-request-id`) and, under /api,
 * `cache-control: no-store`.
 */
export function installSecurityHeaders(app: FastifyInstance, sets: SecurityHeaderSets): void {
  const { apiShared, otherShared, documentOnly } = sets;
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(request.url.startsWith('/api') ? apiShared : otherShared);
    reply.header('x-request-id', request.id);
    done();
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (isJson(reply.getHeader('content-type'))) reply.header('content-security-policy', API_CONTENT_SECURITY_POLICY);
    else {
      // A route's own policy for its page (the API docs) stands.
      for (const name in documentOnly) if (!reply.hasHeader(name)) reply.header(name, documentOnly[name]);
    }
    done(null, payload);
  });
}
