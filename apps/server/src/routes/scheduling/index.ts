/** Scheduling and patient flow: set-up, availability, booking, the flow board. */
import type { App } from '../../plugins/types.ts';
import { appointmentRoutes } from './appointment-routes.ts';
import { flowBoardRoutes } from './flow-board-routes.ts';
import { setupRoutes } from './setup-routes.ts';

export default async function schedulingRoutes(app: App) {
  await setupRoutes(app);
  await appointmentRoutes(app);
  await flowBoardRoutes(app);
}
