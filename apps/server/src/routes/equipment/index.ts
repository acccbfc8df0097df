/** Equipment: the inventory, fault tickets (out of service blocks the room for booking), resolving them. */
import {
  createEquipment,
  equipmentInputSchema,
  equipmentPatchSchema,
  equipmentQuerySchema,
  equipmentSchema,
  faultDetailSchema,
  faultInputSchema,
  faultPatchSchema,
  faultQuerySchema,
  faultResolveSchema,
  faultSchema,
  getEquipment,
  getFault,
  listEquipment,
  listFaults,
  reportFault,
  resolveFault,
  updateEquipment,
  updateFault,
} from '@domain/equipment/index.ts';
import { requireIfMatch, setEtag } from '../../plugins/etag.ts';
import { idParams, listOf } from '../../plugins/http-schemas.ts';
import type { App } from '../../plugins/types.ts';

const tags = ['equipment'];

export default async function equipmentRoutes(app: App) {
  app.post(
    '/api/equipment',
    {
      config: { permission: 'equipment:manage', errors: ['ALREADY_EXISTS'] },
      schema: {
        tags,
        summary: 'Add equipment to the inventory: in a room (its location follows) or at a location; serial numbers are unique',
        body: equipmentInputSchema,
        response: { 201: equipmentSchema },
      },
    },
    async (request, reply) => {
      const e = await createEquipment(request.ctx, request.body);
      setEtag(reply, e.version);
      return reply.code(201).send(e);
    },
  );

  app.get(
    '/api/equipment',
    {
      config: { permission: 'equipment:read' },
      schema: {
        tags,
        summary: 'The inventory by name: by location, room, or preventive maintenance due within some days (overdue included)',
        querystring: equipmentQuerySchema,
        response: { 200: listOf(equipmentSchema) },
      },
    },
    async (request) => listEquipment(request.ctx, request.query),
  );

  app.get(
    '/api/equipment/:id',
    {
      config: { permission: 'equipment:read' },
      schema: { tags, summary: 'One piece of equipment (the ETag is its version)', params: idParams, response: { 200: equipmentSchema } },
    },
    async (request, reply) => {
      const e = await getEquipment(request.ctx, request.params.id);
      setEtag(reply, e.version);
      return e;
    },
  );

  app.patch(
    '/api/equipment/:id',
    {
      config: { permission: 'equipment:manage', ifMatch: true, errors: ['ALREADY_EXISTS'] },
      schema: {
        tags,
        summary: 'Edit equipment: room, serial number, vendor, service dates, retire it (needs If-Match)',
        params: idParams,
        body: equipmentPatchSchema,
        response: { 200: equipmentSchema },
      },
    },
    async (request, reply) => {
      const e = await updateEquipment(request.ctx, request.params.id, request.body, requireIfMatch(request));
      setEtag(reply, e.version);
      return e;
    },
  );

  app.post(
    '/api/equipment/:id/faults',
    {
      config: { permission: 'equipment:report', errors: ['CONFLICT'] },
      schema: {
        tags,
        summary: "Report a fault (the front desk may); outOfService blocks the equipment's room for booking until it is resolved",
        params: idParams,
        body: faultInputSchema,
        response: { 201: faultSchema },
      },
    },
    async (request, reply) => {
      const f = await reportFault(request.ctx, request.params.id, request.body);
      setEtag(reply, f.version);
      return reply.code(201).send(f);
    },
  );

  app.get(
    '/api/equipment-faults',
    {
      config: { permission: 'equipment:read' },
      schema: {
        tags,
        summary: 'Fault tickets, newest first: open ones by default; by location, equipment, out of service',
        querystring: faultQuerySchema,
        response: { 200: listOf(faultSchema) },
      },
    },
    async (request) => listFaults(request.ctx, request.query),
  );

  app.get(
    '/api/equipment-faults/:id',
    {
      config: { permission: 'equipment:read' },
      schema: {
        tags,
        summary: 'One fault; while it holds its room out of service, with the visits already booked there from now on',
        params: idParams,
        response: { 200: faultDetailSchema },
      },
    },
    async (request, reply) => {
      const f = await getFault(request.ctx, request.params.id);
      setEtag(reply, f.version);
      return f;
    },
  );

  app.patch(
    '/api/equipment-faults/:id',
    {
      config: { permission: 'equipment:manage', ifMatch: true, errors: ['CONFLICT'] },
      schema: {
        tags,
        summary: "Book the vendor's visit (vendor_scheduled), change severity or out of service (needs If-Match)",
        params: idParams,
        body: faultPatchSchema,
        response: { 200: faultSchema },
      },
    },
    async (request, reply) => {
      const f = await updateFault(request.ctx, request.params.id, request.body, requireIfMatch(request));
      setEtag(reply, f.version);
      return f;
    },
  );

  app.post(
    '/api/equipment-faults/:id/resolve',
    {
      config: { permission: 'equipment:manage', errors: ['CONFLICT'] },
      schema: {
        tags,
        summary: 'Resolve a fault with what was done; the room it blocked is free for booking at once',
        params: idParams,
        body: faultResolveSchema,
        response: { 200: faultSchema },
      },
    },
    async (request, reply) => {
      const f = await resolveFault(request.ctx, request.params.id, request.body.resolution);
      setEtag(reply, f.version);
      return f;
    },
  );
}
