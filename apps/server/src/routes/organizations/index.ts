import {
  createLocation,
  createRoom,
  listLocations,
  listProviders,
  listRooms,
  locationInputSchema,
  locationPatchSchema,
  locationSchema,
  providerPatchSchema,
  providerSchema,
  roomInputSchema,
  roomPatchSchema,
  roomSchema,
  updateLocation,
  updateProvider,
  updateRoom,
} from '@domain/organizations/index.ts';
import { z } from 'zod';
import { requireIfMatch, setEtag } from '../../plugins/etag.ts';
import { idParams, listOf as list } from '../../plugins/http-schemas.ts';
import type { App } from '../../plugins/types.ts';

export default async function organizationRoutes(app: App) {
  app.get(
    '/api/locations',
    {
      config: { permission: 'org:read' },
      schema: {
        tags: ['organization'],
        summary: 'Locations of the practice',
        querystring: z.strictObject({ includeInactive: z.enum(['true', 'false']).optional() }),
        response: { 200: list(locationSchema) },
      },
    },
    async (request) => ({
      items: await listLocations(request.ctx, { includeInactive: request.query.includeInactive === 'true' }),
      nextCursor: null,
    }),
  );

  app.post(
    '/api/locations',
    {
      config: { permission: 'location:manage', errors: ['ALREADY_EXISTS'] },
      schema: { tags: ['organization'], summary: 'Add a location', body: locationInputSchema, response: { 201: locationSchema } },
    },
    async (request, reply) => {
      const loc = await createLocation(request.ctx, request.body);
      setEtag(reply, loc.version);
      return reply.code(201).send(loc);
    },
  );

  app.patch(
    '/api/locations/:id',
    {
      config: { permission: 'location:manage', ifMatch: true },
      schema: {
        tags: ['organization'],
        summary: 'Edit a location (needs If-Match)',
        params: idParams,
        body: locationPatchSchema,
        response: { 200: locationSchema },
      },
    },
    async (request, reply) => {
      const loc = await updateLocation(request.ctx, request.params.id, request.body, requireIfMatch(request));
      setEtag(reply, loc.version);
      return loc;
    },
  );

  app.get(
    '/api/providers',
    {
      config: { permission: 'org:read' },
      schema: { tags: ['organization'], summary: 'Providers', response: { 200: list(providerSchema) } },
    },
    async (request) => ({ items: await listProviders(request.ctx), nextCursor: null }),
  );

  app.patch(
    '/api/providers/:id',
    {
      config: { permission: 'schedule:manage', ifMatch: true },
      schema: {
        tags: ['organization'],
        summary: "Edit a provider's settings, e.g. the supervising provider who co-signs their notes (needs If-Match)",
        params: idParams,
        body: providerPatchSchema,
        response: { 200: providerSchema },
      },
    },
    async (request, reply) => {
      const provider = await updateProvider(request.ctx, request.params.id, request.body, requireIfMatch(request));
      setEtag(reply, provider.version);
      return provider;
    },
  );

  app.get(
    '/api/rooms',
    {
      config: { permission: 'org:read' },
      schema: {
        tags: ['organization'],
        summary: 'Rooms',
        querystring: z.strictObject({ locationId: z.string().uuid().optional(), includeInactive: z.enum(['true', 'false']).optional() }),
        response: { 200: list(roomSchema) },
      },
    },
    async (request) => ({
      items: await listRooms(request.ctx, request.query.locationId, { includeInactive: request.query.includeInactive === 'true' }),
      nextCursor: null,
    }),
  );

  app.post(
    '/api/rooms',
    {
      config: { permission: 'location:manage', errors: ['ALREADY_EXISTS'] },
      schema: { tags: ['organization'], summary: 'Add a room at a location', body: roomInputSchema, response: { 201: roomSchema } },
    },
    async (request, reply) => {
      const room = await createRoom(request.ctx, request.body);
      setEtag(reply, room.version);
      return reply.code(201).send(room);
    },
  );

  app.patch(
    '/api/rooms/:id',
    {
      config: { permission: 'location:manage', ifMatch: true, errors: ['ALREADY_EXISTS'] },
      schema: {
        tags: ['organization'],
        summary: 'Rename a room, change its kind, or take it out of service (needs If-Match)',
        params: idParams,
        body: roomPatchSchema,
        response: { 200: roomSchema },
      },
    },
    async (request, reply) => {
      const room = await updateRoom(request.ctx, request.params.id, request.body, requireIfMatch(request));
      setEtag(reply, room.version);
      return room;
    },
  );
}
