import { z } from 'zod';
import { hiringSummarySchema } from '../hiring/index.ts';

const count = z.number().int().nonnegative();

export const dashboardQuerySchema = z.strictObject({
  locationId: z
    .string()
    .uuid()
    .optional()
    .describe('Only this location; omitted: the location chosen in the app (x-location-id), else every location'),
  scope: z.enum(['location', 'all']).default('location').describe('all: every location of the practice (needs report:read at all of them)'),
  format: z.enum(['json', 'csv']).default('json').describe('csv: the same figures as text/csv, one row per figure'),
});
export type DashboardQuery = { locationId?: string | undefined; scope?: 'location' | 'all' };

/**
 * The office manager's day on one screen. Each section is null when the caller may not see
 * what it is made of (the finance figures need report:finance, claims claim:read, ...).
 */
export const dashboardSchema = z.object({
  locationId: z.string().uuid().nullable(),
  /** The day the figures are for: today at the location (at the first location for all). */
  date: z.string(),
  generatedAt: z.string(),
  today: z
    .object({
      scheduled: count,
      arrived: count,
      waiting: count,
      withProvider: count,
      checkedOut: count,
      noShows: count,
      averageWaitMinutes: z.number().int().nullable().describe('Arrival to room, over today’s arrivals'),
    })
    .nullable(),
  utilization: z
    .object({
      from: z.string(),
      to: z.string(),
      providers: z.array(
        z.object({
          providerId: z.string().uuid(),
          name: z.string(),
          bookedMinutes: count,
          workingMinutes: count,
          percent: z.number().int().nullable(),
        }),
      ),
    })
    .nullable()
    .describe('This week (Monday to Sunday) per provider: booked minutes over working minutes'),
  noShowTrend: z
    .array(z.object({ weekStart: z.string(), visits: count, noShows: count, rate: z.number().nullable() }))
    .nullable()
    .describe('No-show rate by week, the last eight weeks, oldest first'),
  tasks: z.object({ open: count, inProgress: count, overdue: count, slaBreached: count }).nullable(),
  onCall: z
    .object({
      now: z.array(
        z.object({
          userId: z.string().uuid(),
          name: z.string(),
          locationId: z.string().uuid(),
          until: z.string(),
          tier: z.string().describe('primary or backup'),
        }),
      ),
    })
    .nullable(),
  staffing: z.object({ coverageGaps: count, pendingTimeOff: count }).nullable(),
  credentials: z.object({ expired: count, dueSoon: count, withinDays: count }).nullable(),
  training: z.object({ overdue: count, dueSoon: count }).nullable(),
  hiring: hiringSummarySchema.nullable().describe('Positions being recruited for and the applicants in their pipeline (hiring:read)'),
  equipment: z
    .object({
      outOfService: count,
      faults: z.array(
        z.object({
          faultId: z.string().uuid(),
          equipmentName: z.string(),
          roomId: z.string().uuid().nullable(),
          roomName: z.string().nullable(),
          affectedAppointments: count,
        }),
      ),
    })
    .nullable(),
  finance: z
    .object({
      daysInAr: z.number().nullable(),
      totalArCents: z.number().int(),
      collectedCents: z.number().int().describe('Payments from payers and patients less refunds, the last 30 days'),
      denialRate: z.number().nullable().describe('Percent of claims adjudicated in the last 90 days that were denied'),
    })
    .nullable(),
});
export type Dashboard = z.infer<typeof dashboardSchema>;
