import { z } from 'zod';
import { defineAuditEvents } from '../shared/audit-events.ts';
import { FAULT_SEVERITIES } from './equipment.tables.ts';

/** The audit events the equipment module writes (see shared/audit-events.ts). */
export const equipmentAuditEvents = defineAuditEvents({
  'create:equipment': { about: 'a piece of equipment was added to the inventory', details: z.null() },
  'update:equipment': { about: 'equipment was edited: room, serial number, vendor, service dates (`changes`)', details: z.null() },
  'create:equipment_fault': {
    about: 'a fault was reported, with its severity and whether it takes the equipment (and its room) out of service',
    details: z.strictObject({ severity: z.enum(FAULT_SEVERITIES), outOfService: z.boolean(), roomId: z.guid().nullable() }),
  },
  'update:equipment_fault': {
    about: 'a fault was edited (vendor visit, severity, out of service) or resolved, which frees its room (`changes`)',
    details: z.null(),
  },
});
