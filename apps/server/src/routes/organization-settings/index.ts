import {
  getOrganizationSettings,
  organizationSettingsPatchSchema,
  organizationSettingsSchema,
  updateOrganizationSettings,
} from '@domain/organizations/index.ts';
import type { App } from '../../plugins/types.ts';
import { mfaForcedOff } from '../auth/index.ts';

/** The practice's security settings: MFA requirement and idle timeout. */
export default async function organizationSettingsRoutes(app: App) {
  app.get(
    '/api/organization/settings',
    {
      config: { permission: 'settings:manage' },
      schema: { tags: ['organization'], summary: 'Security settings of the practice', response: { 200: organizationSettingsSchema } },
    },
    async (request) => getOrganizationSettings(request.ctx, { mfaForcedOff: mfaForcedOff(app) }),
  );

  app.patch(
    '/api/organization/settings',
    {
      config: { permission: 'settings:manage' },
      schema: {
        tags: ['organization'],
        summary: 'Change the MFA requirement or the idle timeout (60-1800 s; applies to new sessions)',
        body: organizationSettingsPatchSchema,
        response: { 200: organizationSettingsSchema },
      },
    },
    async (request) => updateOrganizationSettings(request.ctx, request.body, { mfaForcedOff: mfaForcedOff(app) }),
  );
}
