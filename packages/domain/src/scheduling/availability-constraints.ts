/**
 * `availability.constraints`: the other modules' say in a slot search, so a search offers
 * only what booking accepts (booking asks the same modules through `appointment.booking`).
 * Emitted once per search with everything the search may offer (its providers, locations,
 * the rooms it may pick and its whole time range); each reaction answers, in ONE bounded
 * query of its own tables, what is blocked: credentials the days a provider may not be
 * booked at a location, equipment the rooms held by an out-of-service fault. Scheduling
 * reads none of their tables, and the cost is one query per reaction per search, never per
 * slot. Nothing is cached: a renewal or a resolved fault shows the slots at the next search.
 */
import type { Ctx } from '../shared/context.ts';
import { defineEvent, emit } from '../shared/events.ts';
import { type Interval, normalize } from './intervals.ts';
import { addDays, localToEpochMs } from './local-time.ts';

export interface AvailabilityConstraintQuery {
  providerIds: string[];
  locationIds: string[];
  /** The rooms the search may pick (those of the kinds the type needs); empty when it needs none. */
  roomIds: string[];
  from: Date;
  to: Date;
  /** The local dates the range covers at any of the locations (YYYY-MM-DD, inclusive). */
  fromDate: string;
  toDate: string;
}

/** What a reaction answers: the blocks it knows of, nothing when none. */
export interface AvailabilityBlocks {
  /** No visit of the provider at the location may start on a local day in [fromDate, toDate] (toDate null: every later day). */
  providerDays?: { providerId: string; locationId: string; fromDate: string; toDate: string | null }[];
  /** Rooms that must not be picked over [from, to) (null: unbounded on that side). */
  rooms?: { roomId: string; from: Date | null; to: Date | null }[];
}

export const availabilityConstraints = defineEvent<AvailabilityConstraintQuery>('availability.constraints');

/** The answers merged, as instants: slot starts each provider may not use at each location, and each room's blocked spans. */
export interface Blocked {
  /** Key `${providerId}|${locationId}`: intervals no slot may start in. */
  starts: Map<string, Interval[]>;
  rooms: Map<string, Interval[]>;
}

const FAR = 8.64e15;

export async function loadBlocked(ctx: Ctx, q: AvailabilityConstraintQuery, zones: Map<string, string>): Promise<Blocked> {
  const blocked: Blocked = { starts: new Map(), rooms: new Map() };
  if (q.providerIds.length === 0 && q.roomIds.length === 0) return blocked;
  const answers = await emit(ctx, availabilityConstraints, q);
  const starts = new Map<string, Interval[]>();
  const rooms = new Map<string, Interval[]>();
  for (const { result } of answers) {
    const a = result as AvailabilityBlocks | undefined;
    for (const d of a?.providerDays ?? []) {
      const zone = zones.get(d.locationId);
      if (!zone) continue;
      const s = localToEpochMs(zone, d.fromDate, '00:00');
      const e = d.toDate === null ? FAR : localToEpochMs(zone, addDays(d.toDate, 1), '00:00');
      const key = `${d.providerId}|${d.locationId}`;
      starts.set(key, [...(starts.get(key) ?? []), [s, e]]);
    }
    for (const r of a?.rooms ?? []) {
      const span: Interval = [r.from?.getTime() ?? -FAR, r.to?.getTime() ?? FAR];
      rooms.set(r.roomId, [...(rooms.get(r.roomId) ?? []), span]);
    }
  }
  for (const [k, v] of starts) blocked.starts.set(k, normalize(v));
  for (const [k, v] of rooms) blocked.rooms.set(k, normalize(v));
  return blocked;
}

/** True when a slot of the provider at the location may not start at `s`. */
export function startBlocked(blocked: Blocked, providerId: string, locationId: string, s: number): boolean {
  const list = blocked.starts.get(`${providerId}|${locationId}`);
  return list?.some(([a, b]) => s >= a && s < b) === true;
}
