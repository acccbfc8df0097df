/** What every rota use case checks first: the location (and the caller's permission there) and the people named. */
import { actingLocation, holdsAt, type Permission, type Place, placeOf } from '../access/index.ts';
import { requireActiveStaff } from '../identity/index.ts';
import type { Ctx } from '../shared/context.ts';
import { invalid, notFound } from '../shared/errors.ts';

/** A location as the rota sees it (id, name, IANA zone): access's `Place`. */
export type RotaLocation = Place;

export { holdsAt };

/**
 * The location named (else the one chosen in the app, else the practice's first active one),
 * where the caller must hold `permission`. Another practice's location, or one where the
 * caller holds no such role, is a 400 naming `field` when it came in a body, else a 404.
 */
export function rotaLocation(
  tx: Ctx,
  permission: Permission,
  locationId: string | undefined | null,
  field: string | null = 'locationId',
): Promise<RotaLocation> {
  return actingLocation(tx, permission, locationId, { field });
}

/** A location of the practice by id, without a permission check (the caller checked one). */
export async function locationById(tx: Ctx, id: string): Promise<RotaLocation> {
  const place = await placeOf(tx, id);
  if (!place) throw notFound('location');
  return place;
}

/** An active member of staff of the practice, else a 400 naming `field`. Answers their name. */
export async function requireStaff(
  tx: Ctx,
  userId: string,
  field: string,
): Promise<{ id: string; name: string; providerId: string | null }> {
  const staff = await requireActiveStaff(tx, userId, field);
  if (!staff) throw invalid(field, 'Choose an active member of staff of this practice.');
  return staff;
}

/** Whether the caller may read `locationId`'s rota: 404 otherwise. */
export function readableLocation(tx: Ctx, locationId: string): Promise<RotaLocation> {
  return rotaLocation(tx, 'rota:read', locationId, null);
}

export const DAY_MS = 86_400_000;

/** Days from `from` to `to` inclusive, at most `max` of them (else a 400 naming `to`). */
export function daysOf(from: string, to: string, max = 31): string[] {
  if (to < from) throw invalid('to', 'The last day cannot be before the first.');
  const n = Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1;
  if (n > max) throw invalid('to', `At most ${max} days at a time.`);
  return Array.from({ length: n }, (_, i) => new Date(Date.parse(from) + i * DAY_MS).toISOString().slice(0, 10));
}
