import { z } from 'zod';
import { appointmentSchema } from '../scheduling/index.ts';
import { phoneSchema } from '../shared/validation.ts';
import { FAULT_SEVERITIES, FAULT_STATUSES } from './equipment.tables.ts';

const uuid = z.string().uuid();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD.');
const flag = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

export const equipmentSchema = z.object({
  id: uuid,
  name: z.string(),
  locationId: uuid,
  locationName: z.string(),
  roomId: uuid.nullable(),
  roomName: z.string().nullable(),
  serialNumber: z.string().nullable(),
  vendor: z.string(),
  vendorPhone: z.string().nullable(),
  lastServicedOn: z.string().nullable(),
  serviceDueOn: z.string().nullable(),
  active: z.boolean(),
  /** Faults not yet resolved, and whether one of them has it out of service. */
  openFaults: z.number().int(),
  outOfService: z.boolean(),
  version: z.number().int(),
});
export type Equipment = z.infer<typeof equipmentSchema>;

export const equipmentInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  roomId: uuid.optional(),
  /** Without a room: the desk's location (else the practice's first). */
  locationId: uuid.optional(),
  serialNumber: z.string().trim().min(1).max(100).optional(),
  vendor: z.string().trim().max(200).default(''),
  vendorPhone: phoneSchema.optional(),
  lastServicedOn: date.optional(),
  serviceDueOn: date.optional(),
});
export type EquipmentInput = z.infer<typeof equipmentInputSchema>;

export const equipmentPatchSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  roomId: uuid.nullable().optional(),
  serialNumber: z.string().trim().min(1).max(100).nullable().optional(),
  vendor: z.string().trim().max(200).optional(),
  vendorPhone: phoneSchema.nullable().optional(),
  lastServicedOn: date.nullable().optional(),
  serviceDueOn: date.nullable().optional(),
  active: z.boolean().optional(),
});
export type EquipmentPatch = z.infer<typeof equipmentPatchSchema>;

export const equipmentQuerySchema = z.strictObject({
  locationId: uuid.optional(),
  roomId: uuid.optional(),
  /** Preventive maintenance due within this many days (overdue included). */
  serviceDueWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
  includeInactive: flag,
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});
export type EquipmentQuery = z.infer<typeof equipmentQuerySchema>;

export const faultSchema = z.object({
  id: uuid,
  equipmentId: uuid,
  equipmentName: z.string(),
  serialNumber: z.string().nullable(),
  vendor: z.string(),
  vendorPhone: z.string().nullable(),
  locationId: uuid,
  roomId: uuid.nullable(),
  roomName: z.string().nullable(),
  description: z.string(),
  severity: z.enum(FAULT_SEVERITIES),
  outOfService: z.boolean(),
  status: z.enum(FAULT_STATUSES),
  vendorVisitOn: z.string().nullable(),
  resolution: z.string().nullable(),
  reportedBy: uuid.nullable(),
  reportedByName: z.string().nullable(),
  resolvedBy: uuid.nullable(),
  resolvedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Fault = z.infer<typeof faultSchema>;

/** A fault with the visits already booked in the room it blocks (from now on), to move or open in the schedule. */
export const faultDetailSchema = faultSchema.extend({
  affectedAppointments: z.array(appointmentSchema),
  affectedTruncated: z.boolean(),
});
export type FaultDetail = z.infer<typeof faultDetailSchema>;

export const faultInputSchema = z.strictObject({
  description: z.string().trim().min(1).max(2000),
  severity: z.enum(FAULT_SEVERITIES),
  outOfService: z.boolean(),
});
export type FaultInput = z.infer<typeof faultInputSchema>;

export const faultPatchSchema = z.strictObject({
  /** A vendor visit booked (status vendor_scheduled); null takes it back to open. */
  vendorVisitOn: date.nullable().optional(),
  severity: z.enum(FAULT_SEVERITIES).optional(),
  outOfService: z.boolean().optional(),
  description: z.string().trim().min(1).max(2000).optional(),
});
export type FaultPatch = z.infer<typeof faultPatchSchema>;

export const faultResolveSchema = z.strictObject({ resolution: z.string().trim().min(1).max(2000) });

export const faultQuerySchema = z.strictObject({
  /** open: not resolved (the default); resolved; all. */
  status: z.enum(['open', 'resolved', 'all']).default('open'),
  locationId: uuid.optional(),
  equipmentId: uuid.optional(),
  outOfService: flag,
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});
export type FaultQuery = z.infer<typeof faultQuerySchema>;

/** For the manager's dashboard. */
export const outOfServiceSchema = z.object({
  faultId: uuid,
  equipmentName: z.string(),
  roomId: uuid.nullable(),
  roomName: z.string().nullable(),
  locationId: uuid,
  severity: z.enum(FAULT_SEVERITIES),
  since: z.string(),
  affectedAppointments: z.number().int(),
});
export type OutOfService = z.infer<typeof outOfServiceSchema>;
