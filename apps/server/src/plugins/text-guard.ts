/**
 * No control characters in any request text: before a route's schema runs, every string
 * (and object key) of the JSON body, the query and the route parameters is checked with
 * the multi-line rules of packages/domain/src/shared/text.ts (C0 controls other than tab,
 * LF and CR, DEL, C1 controls and lone surrogates are refused). A U+0000 would otherwise
 * reach PostgreSQL and answer 500. The answer is 400 VALIDATION_FAILED naming each field
 * with the paths the schema errors use (body fields bare, `querystring.x`, `params.x`).
 * Single-line fields (names) refuse tab and line breaks too, in their zod schemas.
 */
import { AppError } from '@domain/shared/errors.ts';
import { findTextProblems } from '@domain/shared/text.ts';
import type { FastifyInstance } from 'fastify';

export function installTextGuard(app: FastifyInstance): void {
  // A callback hook: no promise per request for a check that finds nothing nearly always.
  app.addHook('preValidation', (request, _reply, done) => {
    const params = findTextProblems(request.params, 'params');
    const query = findTextProblems(request.query, 'querystring');
    const body = Buffer.isBuffer(request.body) ? [] : findTextProblems(request.body, '');
    if (!params.length && !query.length && !body.length) return done();
    const errors = [...params, ...query, ...body];
    done(
      new AppError('VALIDATION_FAILED', `request text contains control characters (${errors[0]?.path || 'body'})`, {
        errors: errors.map((e) => ({ path: e.path, message: e.message })),
      }),
    );
  });
}
