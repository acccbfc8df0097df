import { requirePermission } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { type Blocked, loadBlocked, startBlocked } from './availability-constraints.ts';
import { type Interval, normalize, overlapsAny, subtract } from './intervals.ts';
import { localDateOf } from './local-time.ts';
import { loadScheduleSnapshot, MAX_SPAN_MS, type RoomInfo, type ScheduleSnapshot } from './schedule-snapshot.ts';
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

const DAY_MS = 86_400_000;
/** The first query covers this much; later ones are sized by how many slots it found. */
const FIRST_CHUNK_MS = 3 * DAY_MS;

const SLOT_GRID_MS = 10 * 60_000;

/** Milliseconds of calendar expected to hold `wanted` slots at `perMs` slots per ms, a quarter more for weekends and full days. */
const chunkFor = (wanted: number, perMs: number) => Math.max(DAY_MS, Math.ceil((wanted * 1.25) / perMs));

/** Slots per millisecond of calendar the last time each search ran (per process; a hint, never a result). */
const recentDensity = new Map<string, number>();
function remember(key: string, perMs: number): void {
  recentDensity.delete(key);
  recentDensity.set(key, perMs);
  if (recentDensity.size > 1_000) recentDensity.delete(recentDensity.keys().next().value as string);
}

type RawSlot = { s: number; p: string; l: string };
const bySlot = (a: RawSlot, b: RawSlot) => a.s - b.s || (a.p < b.p ? -1 : a.p > b.p ? 1 : a.l < b.l ? -1 : a.l > b.l ? 1 : 0);

/**
 * Open slots for an appointment type, ranked by time (then provider, location): inside
 * the providers' working hours, clear of their bookings (each with its buffer), with a
 * free room of every kind the type needs. Slots start at each free stretch and step by
 * duration + buffer. Past instants are never offered.
 * Speed: ranked by time with a page limit, so a query loads only the days the page needs:
 * 3 days at first, or as many as the same search needed last time; further queries load
 * just enough more days, judged by the slots found so far.
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
  // How densely this search found slots last time sizes the first query, so a sparse type
  // (long visits, busy calendars) is one query, not a small one and then a large one.
  const densityKey = `${ctx.organizationId}|${q.appointmentTypeId}|${q.providerIds?.join(',') ?? ''}|${q.locationIds?.join(',') ?? ''}|${Math.floor(chunkStart / SLOT_GRID_MS)}`;
  const density = recentDensity.get(densityKey);
  let chunkMs = density ? Math.max(FIRST_CHUNK_MS, chunkFor(limit + 1, density)) : FIRST_CHUNK_MS;
  const started = chunkStart;
  let loadedUntil = chunkStart;
  /** Asked once per search, over its whole range, after the first snapshot names the providers and rooms. */
  let blocked: Blocked | null = null;
  while (chunkStart < to) {
    const chunkEnd = Math.min(to, chunkStart + chunkMs);
    // Bookings starting up to a span past the chunk are loaded too: a slot that starts before
    // the chunk's end may run (with its buffer) into a booking that starts after it.
    const snap = await loadScheduleSnapshot(ctx, { ...q, from: new Date(chunkStart), to: new Date(chunkEnd + MAX_SPAN_MS) });
    if (!snap.type) throw new AppError('NOT_FOUND', 'appointment type not found');
    durationMs = snap.type.duration_minutes * MINUTE;
    blocked ??= await searchBlocks(ctx, snap, chunkStart, to);
    const found = slotsIn(snap, blocked, [from, to], [chunkStart, chunkEnd]).filter(
      (x) => !after || x.s > after.s || (x.s === after.s && (x.p > after.p || (x.p === after.p && x.l > after.l))),
    );
    slots.push(...found);
    loadedUntil = chunkEnd;
    if (slots.length > limit) break;
    // The next chunk is sized by this one's density (a quarter more, for weekends and
    // full days), so a page that is nearly full reads a day or two more, not the whole range.
    chunkMs = found.length ? chunkFor(limit + 1 - slots.length, found.length / (chunkEnd - chunkStart)) : chunkMs * 2;
    chunkStart = chunkEnd;
  }
  if (slots.length && loadedUntil > started) remember(densityKey, slots.length / (loadedUntil - started));
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

/** The other modules' blocks (availability-constraints.ts) for the search's providers, locations and rooms over [from, to). */
export function searchBlocks(ctx: Ctx, snap: ScheduleSnapshot, from: number, to: number): Promise<Blocked> {
  return loadBlocked(
    ctx,
    {
      providerIds: snap.providerIds,
      locationIds: [...snap.zones.keys()],
      roomIds: snap.rooms.map((r) => r.id),
      from: new Date(from),
      to: new Date(to + MAX_SPAN_MS),
      fromDate: new Date(from - DAY_MS).toISOString().slice(0, 10),
      toDate: new Date(to + MAX_SPAN_MS + DAY_MS).toISOString().slice(0, 10),
    },
    snap.zones,
  );
}

/** The rooms with their blocked spans counted as busy. */
export function withRoomBlocks(rooms: RoomInfo[], blocked: Blocked): RoomInfo[] {
  if (blocked.rooms.size === 0) return rooms;
  return rooms.map((r) => {
    const spans = blocked.rooms.get(r.id);
    return spans ? { ...r, busy: normalize([...r.busy, ...spans]) } : r;
  });
}

/**
 * Slots starting in `emit`, sorted. Working hours are computed over whole local days and
 * clipped to `window` only, so slot starts do not depend on where a query chunk begins.
 */
function slotsIn(snap: ScheduleSnapshot, blocked: Blocked, window: Interval, emit: Interval): RawSlot[] {
  const type = snap.type as NonNullable<ScheduleSnapshot['type']>;
  const rooms = withRoomBlocks(snap.rooms, blocked);
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
          if (startBlocked(blocked, providerId, locationId, s)) continue;
          if (kinds.length && !roomsFree(rooms, locationId, kinds, s, s + span)) continue;
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
