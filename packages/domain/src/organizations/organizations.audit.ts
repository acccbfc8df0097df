import { z } from 'zod';
import { defineAuditEvents } from '../shared/audit-events.ts';

/** The audit events the organizations module writes (see shared/audit-events.ts). */
export const organizationsAuditEvents = defineAuditEvents({
  'create:location': { about: 'a location was added', details: z.strictObject({ name: z.string() }) },
  'update:location': { about: 'a location was edited (`changes`)', details: z.null() },
  'create:room': { about: 'a room was added at a location', details: z.strictObject({ name: z.string(), locationId: z.string() }) },
  'update:room': { about: 'a room was renamed, changed or taken out of service (`changes`)', details: z.null() },
  'update:provider': { about: "a provider's settings were edited, e.g. the supervising provider (`changes`)", details: z.null() },
  'update:organization_settings': { about: 'practice-wide settings were changed (`changes`)', details: z.null() },
});
