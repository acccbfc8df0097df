import { requirePermission } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { type Interval, overlapsAny, subtract } from './intervals.ts';
import { localDateOf } from './local-time.ts';
import { loadScheduleSnapshot, type RoomInfo, type ScheduleSnapshot } from './schedule-snapshot.ts';
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

/** The first query covers this much; only a sparse calendar needs the second, for the rest of the range. */
const FIRST_CHUNK_MS = 3 * 86_400_000;

const SLOT_GRID_MS = 10 * 60_000;

type RawSlot = { s: number; p: string; l: string };
const bySlot = (a: RawSlot, b: RawSlot) => a.s - b.s || (a.p < b.p ? -1 : a.p > b.p ? 1 : a.l < b.l ? -1 : a.l > b.l ? 1 : 0);

/**
 * Open slots for an appointment type, ranked by time (then provider, location): inside
 * the providers' working hours, clear of their bookings (each with its buffer), with a
 * free room of every kind the type needs. Slots start at each free stretch and step by
 * duration + buffer. Past instants are never offered.
 * Speed: ranked by time with a page limit, so the first query loads only the first
 * days; a second query loads the rest of the range only when those days had too few.
 */
export async function findAvailability(ctx: Ctx, q: AvailabilityQuery): Promise<{ items: Slot[]; nextCursor: string | null }> {
  requirePermission(ctx, 'appointment:read');
  if (q.to <= q.from) throw invalid('to', 'must be after from');
  if (q.to.getTime() - q.from.getTime() > MAX_RANGE_MS) throw invalid('to', 'at most 62 days after from');
  const limit = q.limit ?? 500;
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  // Never in the past; a window that starts now starts at the next 10-minute mark, so slots
  // sit on the same grid as the calendar (not at 14:07:31.5).
  const from = Math.max(q.from.getTime(), Math.ceil(ctx.clock.now().getTime() / SLOT_GRID_MS) * SLOT_GRID_MS);
  const to = q.to.getTime();
  const slots: RawSlot[] = [];
  let durationMs = 0;
  let chunkStart = Math.max(from, after?.s ?? from);
  while (chunkStart < to) {
    const chunkEnd = slots.length === 0 && chunkStart + FIRST_CHUNK_MS < to ? chunkStart + FIRST_CHUNK_MS : to;
    const snap = await loadScheduleSnapshot(ctx, { ...q, from: new Date(chunkStart), to: new Date(chunkEnd) });
    if (!snap.type) throw new AppError('NOT_FOUND', 'appointment type not found');
    durationMs = snap.type.duration_minutes * MINUTE;
    const found = slotsIn(snap, [from, to], [chunkStart, chunkEnd]).filter(
      (x) => !after || x.s > after.s || (x.s === after.s && (x.p > after.p || (x.p === after.p && x.l > after.l))),
    );
    slots.push(...found);
    if (slots.length > limit) break;
    chunkStart = chunkEnd;
  }
  const page = slots.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((x) => ({
      start: new Date(x.s).toISOString(),
      end: new Date(x.s + durationMs).toISOString(),
      providerId: x.p,
      locationId: x.l,
    })),
    nextCursor: slots.length > limit && last ? Buffer.from(`${last.s}|${last.p}|${last.l}`).toString('base64url') : null,
  };
}

/**
 * Slots starting in `emit`, sorted. Working hours are computed over whole local days and
 * clipped to `window` only, so slot starts do not depend on where a query chunk begins.
 */
function slotsIn(snap: ScheduleSnapshot, window: Interval, emit: Interval): RawSlot[] {
  const type = snap.type as NonNullable<ScheduleSnapshot['type']>;
  const dur = type.duration_minutes * MINUTE;
  const span = dur + type.buffer_minutes * MINUTE;
  const kinds = type.resource_kinds;
  const out: RawSlot[] = [];
  for (const [locationId, zone] of snap.zones) {
    const fromDate = localDateOf(emit[0], zone);
    const toDate = localDateOf(emit[1], zone);
    for (const providerId of snap.providerIds) {
      const working = snap.hours.intervals(providerId, locationId, zone, fromDate, toDate);
      if (working.length === 0) continue;
      const busy = snap.busy.get(providerId) ?? [];
      const free = subtract(subtract(working, subtract(working, [window])), busy);
      for (const [fs, fe] of free) {
        for (let s = fs; s + dur <= fe; s += span) {
          if (s < emit[0] || s >= emit[1]) continue;
          if (overlapsAny(busy, s, s + span)) continue;
          if (kinds.length && !roomsFree(snap.rooms, locationId, kinds, s, s + span)) continue;
          out.push({ s, p: providerId, l: locationId });
        }
      }
    }
  }
  return out.sort(bySlot);
}

function decodeCursor(cursor: string): { s: number; p: string; l: string } {
  const [s, p, l] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!s || !p || !l || Number.isNaN(Number(s))) throw invalid('cursor', 'not a cursor from this list');
  return { s: Number(s), p, l };
}
