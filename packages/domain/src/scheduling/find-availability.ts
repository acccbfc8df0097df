import { requirePermission } from '../access/require-permission.ts';
import type { Ctx } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { type Interval, overlapsAny, subtract } from './intervals.ts';
import { localDateOf } from './local-time.ts';
import { loadScheduleSnapshot, type RoomInfo } from './schedule-snapshot.ts';
import type { Slot } from './scheduling.schemas.ts';

const MAX_RANGE_MS = 62 * 86_400_000;
const MINUTE = 60_000;

export interface AvailabilityQuery {
  appointmentTypeId: string;
  providerIds?: string[];
  locationIds?: string[];
  from: Date;
  to: Date;
  limit?: number;
  /** From a previous page's nextCursor. */
  cursor?: string;
}

/** True when at least one room of each needed kind at the location is free over [s, e). */
export function roomsFree(rooms: RoomInfo[], locationId: string, kinds: readonly string[], s: number, e: number): boolean {
  return kinds.every((kind) => rooms.some((r) => r.locationId === locationId && r.kind === kind && !overlapsAny(r.busy, s, e)));
}

/**
 * Open slots for an appointment type, ranked by time (then provider, location): inside
 * the providers' working hours, clear of their bookings (each with its buffer), with a
 * free room of every kind the type needs. Slots start at each free stretch and step by
 * duration + buffer. Past instants are never offered.
 */
export async function findAvailability(ctx: Ctx, q: AvailabilityQuery): Promise<{ items: Slot[]; nextCursor: string | null }> {
  requirePermission(ctx, 'appointment:read');
  if (q.to <= q.from) throw invalid('to', 'must be after from');
  if (q.to.getTime() - q.from.getTime() > MAX_RANGE_MS) throw invalid('to', 'at most 62 days after from');
  const limit = q.limit ?? 500;
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  const snap = await loadScheduleSnapshot(ctx, q);
  if (!snap.type) throw new AppError('NOT_FOUND', 'appointment type not found');
  const dur = snap.type.duration_minutes * MINUTE;
  const span = dur + snap.type.buffer_minutes * MINUTE;
  const kinds = snap.type.resource_kinds;
  const from = Math.max(q.from.getTime(), ctx.clock.now().getTime());
  const to = q.to.getTime();
  const window: Interval[] = [[from, to]];
  const slots: { s: number; p: string; l: string }[] = [];
  for (const [locationId, zone] of snap.zones) {
    const fromDate = localDateOf(from, zone);
    const toDate = localDateOf(to, zone);
    for (const providerId of snap.providerIds) {
      const working = snap.hours.intervals(providerId, locationId, zone, fromDate, toDate);
      if (working.length === 0) continue;
      const busy = snap.busy.get(providerId) ?? [];
      const free = subtract(subtract(working, subtract(working, window)), busy);
      for (const [fs, fe] of free) {
        for (let s = fs; s + dur <= fe; s += span) {
          if (overlapsAny(busy, s, s + span)) continue;
          if (kinds.length && !roomsFree(snap.rooms, locationId, kinds, s, s + span)) continue;
          slots.push({ s, p: providerId, l: locationId });
        }
      }
    }
  }
  slots.sort((a, b) => a.s - b.s || (a.p < b.p ? -1 : a.p > b.p ? 1 : a.l < b.l ? -1 : a.l > b.l ? 1 : 0));
  let start = 0;
  if (after) {
    start = slots.findIndex((x) => x.s > after.s || (x.s === after.s && (x.p > after.p || (x.p === after.p && x.l > after.l))));
    if (start < 0) start = slots.length;
  }
  const page = slots.slice(start, start + limit);
  const last = page[page.length - 1];
  return {
    items: page.map((x) => ({
      start: new Date(x.s).toISOString(),
      end: new Date(x.s + dur).toISOString(),
      providerId: x.p,
      locationId: x.l,
    })),
    nextCursor: start + limit < slots.length && last ? Buffer.from(`${last.s}|${last.p}|${last.l}`).toString('base64url') : null,
  };
}

function decodeCursor(cursor: string): { s: number; p: string; l: string } {
  const [s, p, l] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!s || !p || !l || Number.isNaN(Number(s))) throw invalid('cursor', 'not a cursor from this list');
  return { s: Number(s), p, l };
}
