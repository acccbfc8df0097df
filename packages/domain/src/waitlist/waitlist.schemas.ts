import { z } from 'zod';

const uuid = z.string().uuid();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const openOfferSchema = z.object({ id: uuid, start: z.string(), providerId: uuid, locationId: uuid, expiresAt: z.string() });

/**
 * `hidden`: a restricted patient's entry, shown to someone who may not open the record (not on
 * its care team, no break-glass grant): patientId, appointmentTypeId and appointmentId are
 * null, notes empty, patientName "Restricted patient" and appointmentTypeName "Hidden"; its
 * place in the list, dates, wishes and held slot are real.
 */
export const waitlistEntrySchema = z.object({
  id: uuid,
  patientId: uuid.nullable(),
  patientName: z.string(),
  hidden: z.boolean(),
  appointmentTypeId: uuid.nullable(),
  appointmentTypeName: z.string(),
  providerIds: z.array(uuid),
  locationIds: z.array(uuid),
  earliestDate: z.string(),
  latestDate: z.string(),
  priority: z.number().int(),
  status: z.enum(['waiting', 'booked', 'removed']),
  notes: z.string(),
  appointmentId: uuid.nullable(),
  /** The slot currently held for this patient, if any. */
  openOffer: openOfferSchema.nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type WaitlistEntry = z.infer<typeof waitlistEntrySchema>;

const windowCheck = (e: { earliestDate?: string | undefined; latestDate?: string | undefined }) =>
  !e.earliestDate || !e.latestDate || e.earliestDate <= e.latestDate;

export const waitlistEntryInputSchema = z
  .strictObject({
    patientId: uuid,
    appointmentTypeId: uuid,
    providerIds: z.array(uuid).max(20).default([]),
    locationIds: z.array(uuid).max(20).default([]),
    earliestDate: date,
    latestDate: date,
    /** 1 is offered first, 5 last. */
    priority: z.number().int().min(1).max(5).default(3),
    notes: z.string().max(1000).default(''),
  })
  .refine(windowCheck, { path: ['latestDate'], message: 'must not be before earliestDate' });
export type WaitlistEntryInput = z.infer<typeof waitlistEntryInputSchema>;

export const waitlistEntryPatchSchema = z
  .strictObject({
    providerIds: z.array(uuid).max(20).optional(),
    locationIds: z.array(uuid).max(20).optional(),
    earliestDate: date.optional(),
    latestDate: date.optional(),
    priority: z.number().int().min(1).max(5).optional(),
    notes: z.string().max(1000).optional(),
  })
  .refine(windowCheck, { path: ['latestDate'], message: 'must not be before earliestDate' });
export type WaitlistEntryPatch = z.infer<typeof waitlistEntryPatchSchema>;

export const bookFromWaitlistInputSchema = z.strictObject({
  providerId: uuid,
  locationId: uuid,
  /** ISO instant, or local date-time at the location. */
  start: z.string().min(16).max(40),
});
export type BookFromWaitlistInput = z.infer<typeof bookFromWaitlistInputSchema>;

export const waitlistReportSchema = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  offersMade: z.number().int(),
  accepted: z.number().int(),
  expired: z.number().int(),
  withdrawn: z.number().int(),
  open: z.number().int(),
  /** Freed slots offered to the waitlist, and how many of them a waitlisted patient took. */
  slotsOffered: z.number().int(),
  slotsFilled: z.number().int(),
  /** slotsFilled / slotsOffered (0 when nothing was offered). */
  fillRate: z.number(),
  /** Entries booked by hand (POST /api/waitlist/{id}/book). */
  bookedByStaff: z.number().int(),
});
export type WaitlistReport = z.infer<typeof waitlistReportSchema>;

export const waitlistSettingsSchema = z.object({ offerMinutes: z.number().int() });
export const waitlistSettingsPatchSchema = z.strictObject({ offerMinutes: z.number().int().min(5).max(1440) });
export type WaitlistSettings = z.infer<typeof waitlistSettingsSchema>;
