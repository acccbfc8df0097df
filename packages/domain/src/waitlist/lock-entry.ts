import type { Selectable } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import type { WaitlistEntriesTable } from './waitlist.tables.ts';

/** Lock an entry of the caller's organization for a change; NOT_FOUND otherwise. */
export async function lockEntry(tx: Ctx, id: string): Promise<Selectable<WaitlistEntriesTable>> {
  const row = await tx.db
    .selectFrom('waitlist_entries')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', tx.organizationId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('waitlist entry');
  return row;
}
