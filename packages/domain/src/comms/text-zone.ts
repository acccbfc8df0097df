/** The IANA zone whose quiet hours hold a desk's text: the desk's location, else the practice's first active location. */
import { findPlace } from '../access/index.ts';
import type { Db } from '../shared/context.ts';

export async function deskZone(db: Db, organizationId: string, locationId: string | null): Promise<string> {
  return (await findPlace(db, organizationId, locationId))?.zone ?? 'UTC';
}
