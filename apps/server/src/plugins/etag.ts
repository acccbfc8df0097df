/** Optimistic concurrency over HTTP: reads send `ETag: "<version>"`, updates need `If-Match`. */
import { AppError } from '@domain/shared/errors.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';

export function setEtag(reply: FastifyReply, version: number): void {
  reply.header('etag', `"${version}"`);
}

/** The version the client last saw: 428 when If-Match is missing, 412 when it is not one of ours. */
export function requireIfMatch(request: FastifyRequest): number {
  const h = request.headers['if-match'];
  if (!h) throw new AppError('PRECONDITION_REQUIRED', 'send If-Match with the ETag you read');
  const m = /^(?:W\/)?"(\d+)"$/.exec(String(h).trim());
  if (!m) throw new AppError('VERSION_MISMATCH', 'If-Match does not name a version of this record');
  return Number(m[1]);
}
