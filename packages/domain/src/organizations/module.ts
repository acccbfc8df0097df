import { defineModule } from '../module-manifest.ts';
import { organizationsAuditEvents } from './organizations.audit.ts';

/** The practice, its locations, providers and rooms, and practice-wide settings. */
export const organizationsModule = defineModule({
  name: 'organizations',
  tables: ['organizations', 'locations', 'providers', 'rooms'],
  // Names, zones and schedule settings other modules join on (migration 0090, organizations.views.ts),
  // and the MFA requirement every session check reads (migration 0096).
  views: [
    'organization_directory',
    'organization_schedule_settings',
    'location_directory',
    'provider_directory',
    'room_directory',
    'organization_security',
  ],
  audit: organizationsAuditEvents,
});
