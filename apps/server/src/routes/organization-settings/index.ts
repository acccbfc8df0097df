import {
  getOrganizationSettings,
  organizationSettingsPatchSchema,
  organizationSettingsSchema,
  updateOrganizationSettings,
} from '@domain/organizations/index.ts';
import type { App } from '../../plugins/types.ts';
import { mfaForcedOff } from '../auth/index.ts';

/** The practice's settings: MFA requirement, idle timeout, patient names in iCal feeds, no-show delay. */
export default async function organizationSettingsRoutes(app: App) {
  app.get(
    '/api/organization/settings',
    {
      config: { permission: 'settings:manage' },
      schema: {
        tags: ['organization'],
        summary: 'Settings of the practice (security and schedule)',
        response: { 200: organizationSettingsSchema },
      },
    },
    async (request) => getOrganizationSettings(request.ctx, { mfaForcedOff: mfaForcedOff(app) }),
  );

  app.patch(
    '/api/organization/settings',
    {
      config: { permission: 'settings:manage' },
      schema: {
        tags: ['organization'],
        summary:
          'Change the MFA requirement, the idle timeout (60-1800 s; new sessions), patient names in iCal feeds, the no-show delay (5-240 min)',
        body: organizationSettingsPatchSchema,
        response: { 200: organizationSettingsSchema },
      },
    },
    async (request) => updateOrganizationSettings(request.ctx, request.body, { mfaForcedOff: mfaForcedOff(app) }),
  );
}
