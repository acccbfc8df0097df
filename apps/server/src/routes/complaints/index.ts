/** Complaints: anyone at the desk logs one; managers list, work and report on them. */
import {
  complaintInputSchema,
  complaintPatchSchema,
  complaintQuerySchema,
  complaintReportQuerySchema,
  complaintReportSchema,
  complaintSchema,
  complaintsReport,
  createComplaint,
  getComplaint,
  listComplaints,
  updateComplaint,
} from '@domain/complaints/index.ts';
import { z } from 'zod';
import { requireIfMatch, setEtag } from '../../plugins/etag.ts';
import { idParams, listOf } from '../../plugins/http-schemas.ts';
import type { App } from '../../plugins/types.ts';

const tags = ['complaints'];

export default async function complaintsRoutes(app: App) {
  app.post(
    '/api/complaints',
    {
      config: { permission: 'complaint:create' },
      schema: {
        tags,
        summary: 'Log a complaint or concern about services or care (the answer is its id: only managers read complaints)',
        body: complaintInputSchema,
        response: { 201: z.object({ id: z.string().uuid() }) },
      },
    },
    async (request, reply) => reply.code(201).send(await createComplaint(request.ctx, request.body)),
  );

  app.get(
    '/api/complaints',
    {
      config: { permission: 'complaint:manage' },
      schema: {
        tags,
        summary: 'The complaints log, newest received first (status, overdue, patient)',
        querystring: complaintQuerySchema,
        response: { 200: listOf(complaintSchema) },
      },
    },
    async (request) => listComplaints(request.ctx, request.query),
  );

  app.get(
    '/api/complaints/report',
    {
      config: { permission: 'complaint:manage', expensive: 'report' },
      schema: {
        tags,
        summary: "The monthly report: a month's complaints by category, severity and status, overdue, patients told",
        querystring: complaintReportQuerySchema,
        response: { 200: complaintReportSchema },
      },
    },
    async (request) => complaintsReport(request.ctx, request.query.month),
  );

  app.get(
    '/api/complaints/:id',
    {
      config: { permission: 'complaint:manage' },
      schema: { tags, summary: 'One complaint (the ETag is its version)', params: idParams, response: { 200: complaintSchema } },
    },
    async (request, reply) => {
      const complaint = await getComplaint(request.ctx, request.params.id);
      setEtag(reply, complaint.version);
      return complaint;
    },
  );

  app.patch(
    '/api/complaints/:id',
    {
      config: { permission: 'complaint:manage', ifMatch: true },
      schema: {
        tags,
        summary: 'Work a complaint: owner, due date, status, resolution, patient told (needs If-Match)',
        params: idParams,
        body: complaintPatchSchema,
        response: { 200: complaintSchema },
      },
    },
    async (request, reply) => {
      const complaint = await updateComplaint(request.ctx, request.params.id, request.body, requireIfMatch(request));
      setEtag(reply, complaint.version);
      return complaint;
    },
  );
}
