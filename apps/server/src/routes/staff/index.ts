/** The staff directory: everyone's title, home location and supervisor; HR fields for their managers. */
import {
  getStaffMember,
  listStaff,
  staffMemberSchema,
  staffPatchSchema,
  staffQuerySchema,
  updateStaffProfile,
} from '@domain/staff/index.ts';
import { requireIfMatch, setEtag } from '../../plugins/etag.ts';
import { idParams, listOf } from '../../plugins/http-schemas.ts';
import type { App } from '../../plugins/types.ts';

const tags = ['staff'];

export default async function staffRoutes(app: App) {
  app.get(
    '/api/staff',
    {
      config: { permission: 'staff:read' },
      schema: {
        tags,
        summary: 'The staff directory by name; `hr` (hire date, emergency contact) only for the people the caller manages',
        querystring: staffQuerySchema,
        response: { 200: listOf(staffMemberSchema) },
      },
    },
    async (request) => listStaff(request.ctx, request.query),
  );

  app.get(
    '/api/staff/:id',
    {
      config: { permission: 'staff:read' },
      schema: {
        tags,
        summary: 'One member of staff by user id (the ETag is the profile version, 0 before any was saved)',
        params: idParams,
        response: { 200: staffMemberSchema },
      },
    },
    async (request, reply) => {
      const member = await getStaffMember(request.ctx, request.params.id);
      setEtag(reply, member.version);
      return member;
    },
  );

  app.patch(
    '/api/staff/:id',
    {
      config: { permission: 'staff:manage', ifMatch: true },
      schema: {
        tags,
        summary: "Edit a member of staff's profile and HR fields (a manager of their location; needs If-Match)",
        params: idParams,
        body: staffPatchSchema,
        response: { 200: staffMemberSchema },
      },
    },
    async (request, reply) => {
      const member = await updateStaffProfile(request.ctx, request.params.id, request.body, requireIfMatch(request));
      setEtag(reply, member.version);
      return member;
    },
  );
}
