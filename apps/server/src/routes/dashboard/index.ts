/** The office manager's dashboard: the day's figures at a location or every location, as JSON or (`?format=csv`) CSV. */
import { dashboardCsv, dashboardQuerySchema, dashboardSchema, getDashboard } from '@domain/dashboard/index.ts';
import type { FastifyReply } from 'fastify';
import type { App } from '../../plugins/types.ts';

export default async function dashboardRoutes(app: App) {
  app.get(
    '/api/dashboard',
    {
      config: { permission: 'report:read', expensive: 'report' },
      schema: {
        tags: ['dashboard'],
        summary:
          "The manager's dashboard: today's flow, the week's utilization per provider, the no-show trend, tasks, on call, rota, credentials, training, equipment and money (sections the caller may not see are null; ?format=csv for CSV)",
        querystring: dashboardQuerySchema,
        produces: ['application/json', 'text/csv'],
        response: { 200: dashboardSchema },
      },
    },
    async (request, reply) => {
      const { format, ...q } = request.query;
      const dashboard = await getDashboard(request.ctx, q);
      if (format !== 'csv') return dashboard;
      void (reply as FastifyReply)
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="dashboard-${dashboard.date}.csv"`)
        .send(dashboardCsv(dashboard));
      return reply as unknown as typeof dashboard;
    },
  );
}
