/** Credentials of providers and staff: record, renew, the list by expiry (expired included), one credential. */
import {
  createCredential,
  credentialInputSchema,
  credentialPatchSchema,
  credentialQuerySchema,
  credentialSchema,
  getCredential,
  listCredentials,
  updateCredential,
} from '@domain/credentials/index.ts';
import { requireIfMatch, setEtag } from '../../plugins/etag.ts';
import { idParams, listOf } from '../../plugins/http-schemas.ts';
import type { App } from '../../plugins/types.ts';

const tags = ['credentials'];

export default async function credentialsRoutes(app: App) {
  app.post(
    '/api/credentials',
    {
      config: { permission: 'credential:manage' },
      schema: {
        tags,
        summary: 'Record a credential of a provider (providerId) or a staff member (userId); a state licence needs its state',
        body: credentialInputSchema,
        response: { 201: credentialSchema },
      },
    },
    async (request, reply) => {
      const c = await createCredential(request.ctx, request.body);
      setEtag(reply, c.version);
      return reply.code(201).send(c);
    },
  );

  app.get(
    '/api/credentials',
    {
      config: { permission: 'credential:read' },
      schema: {
        tags,
        summary: 'Credentials, soonest expiry first; expiringWithinDays keeps the expired ones and those expiring within that many days',
        querystring: credentialQuerySchema,
        response: { 200: listOf(credentialSchema) },
      },
    },
    async (request) => listCredentials(request.ctx, request.query),
  );

  app.get(
    '/api/credentials/:id',
    {
      config: { permission: 'credential:read' },
      schema: { tags, summary: 'One credential (the ETag is its version)', params: idParams, response: { 200: credentialSchema } },
    },
    async (request, reply) => {
      const c = await getCredential(request.ctx, request.params.id);
      setEtag(reply, c.version);
      return c;
    },
  );

  app.patch(
    '/api/credentials/:id',
    {
      config: { permission: 'credential:manage', ifMatch: true },
      schema: {
        tags,
        summary: 'Renew (a later expiresOn) or correct a credential (needs If-Match); a renewal lifts the booking guard at once',
        params: idParams,
        body: credentialPatchSchema,
        response: { 200: credentialSchema },
      },
    },
    async (request, reply) => {
      const c = await updateCredential(request.ctx, request.params.id, request.body, requireIfMatch(request));
      setEtag(reply, c.version);
      return c;
    },
  );
}
