import {
  createUser,
  createUserBodySchema,
  deactivateUser,
  endUserSession,
  getUser,
  inviteSchema,
  inviteUser,
  listUserSessions,
  listUsers,
  resetUserMfa,
  unlockUser,
  setRolesBodySchema,
  setUserRoles,
  userSchema,
  userSessionSchema,
} from '@domain/identity/index.ts';
import { z } from 'zod';
import { idParams, limitSchema, listOf } from '../../plugins/http-schemas.ts';
import type { App } from '../../plugins/types.ts';

/** Staff accounts: user:read to list and open, user:manage for everything else. */
export default async function userRoutes(app: App) {
  app.get(
    '/api/users',
    {
      config: { permission: 'user:read' },
      schema: {
        tags: ['users'],
        summary: 'Staff accounts, by email',
        querystring: z.strictObject({
          cursor: z.string().max(400).optional(),
          limit: limitSchema,
          includeInactive: z.enum(['true', 'false']).optional(),
          q: z.string().trim().min(1).max(100).optional(),
        }),
        response: { 200: listOf(userSchema) },
      },
    },
    async (request) => {
      const { includeInactive, ...rest } = request.query;
      return listUsers(request.ctx, { ...rest, includeInactive: includeInactive === 'true' });
    },
  );

  app.post(
    '/api/users',
    {
      config: { permission: 'user:manage', errors: ['ALREADY_EXISTS'] },
      schema: {
        tags: ['users'],
        summary: 'Create a staff account, or invite one (omit password: the answer carries a one-time link)',
        body: createUserBodySchema,
        response: { 201: z.object({ user: userSchema, invite: inviteSchema.nullable() }) },
      },
    },
    async (request, reply) => {
      const created = await createUser(request.ctx, request.body);
      const user = await getUser(request.ctx, created.id);
      return reply.code(201).send({ user, invite: created.invite });
    },
  );

  app.get(
    '/api/users/:id',
    {
      config: { permission: 'user:read' },
      schema: { tags: ['users'], summary: 'One staff account', params: idParams, response: { 200: userSchema } },
    },
    async (request) => getUser(request.ctx, request.params.id),
  );

  app.put(
    '/api/users/:id/roles',
    {
      config: { permission: 'user:manage', errors: ['CONFLICT'] },
      schema: {
        tags: ['users'],
        summary: 'Replace the roles (per location, null = all locations); audited with before and after',
        params: idParams,
        body: setRolesBodySchema,
        response: { 200: userSchema },
      },
    },
    async (request) => setUserRoles(request.ctx, request.params.id, request.body.roles),
  );

  app.post(
    '/api/users/:id/deactivate',
    {
      config: { permission: 'user:manage', errors: ['CONFLICT'] },
      schema: {
        tags: ['users'],
        summary: 'Deactivate an account and end its sessions (accounts are never deleted)',
        params: idParams,
        response: { 200: userSchema },
      },
    },
    async (request) => deactivateUser(request.ctx, request.params.id),
  );

  app.post(
    '/api/users/:id/reset-mfa',
    {
      config: { permission: 'user:manage', errors: ['CONFLICT'] },
      schema: {
        tags: ['users'],
        summary: 'Forget the authenticator and recovery codes; the user enrols again',
        params: idParams,
        response: { 200: userSchema },
      },
    },
    async (request) => resetUserMfa(request.ctx, request.params.id),
  );

  app.post(
    '/api/users/:id/unlock',
    {
      config: { permission: 'user:manage' },
      schema: {
        tags: ['users'],
        summary: 'Clear failed sign-ins that lock the account (audited; the holder is told by email)',
        params: idParams,
        response: { 200: userSchema },
      },
    },
    async (request) => unlockUser(request.ctx, request.params.id),
  );

  app.post(
    '/api/users/:id/invite',
    {
      config: { permission: 'user:manage', errors: ['CONFLICT'] },
      schema: {
        tags: ['users'],
        summary: 'A new one-time link to set the password (earlier links stop working)',
        params: idParams,
        response: { 200: inviteSchema },
      },
    },
    async (request) => inviteUser(request.ctx, request.params.id),
  );

  app.get(
    '/api/users/:id/sessions',
    {
      config: { permission: 'user:manage' },
      schema: { tags: ['users'], summary: 'Open sessions of the account', params: idParams, response: { 200: listOf(userSessionSchema) } },
    },
    async (request) => ({ items: await listUserSessions(request.ctx, request.params.id), nextCursor: null }),
  );

  app.post(
    '/api/users/:id/sessions/:sessionId/end',
    {
      config: { permission: 'user:manage' },
      schema: {
        tags: ['users'],
        summary: 'Sign the account out of one session',
        params: z.object({ id: z.string().uuid(), sessionId: z.string().uuid() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await endUserSession(request.ctx, request.params.id, request.params.sessionId);
      return reply.code(204).send(null);
    },
  );
}
