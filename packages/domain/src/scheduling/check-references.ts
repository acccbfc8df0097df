/** Checks that ids a client sends belong to the caller's organization (NOT_FOUND-style 400 otherwise). */
import { locationsByIds, providersByIds } from '../organizations/index.ts';
import type { Ctx } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';

export async function requireProviders(ctx: Ctx, ids: readonly string[], path = 'providerIds'): Promise<void> {
  if (ids.length === 0) return;
  const found = await providersByIds(ctx, ids);
  if (found.length !== new Set(ids).size) throw invalid(path, 'unknown provider');
}

/** The location's IANA zone, or a validation error naming `path`. */
export async function requireLocationZone(ctx: Ctx, locationId: string, path = 'locationId'): Promise<string> {
  const [location] = await locationsByIds(ctx, [locationId]);
  if (!location) throw invalid(path, 'unknown location');
  return location.timeZone;
}
