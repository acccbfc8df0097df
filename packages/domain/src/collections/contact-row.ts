import type { Selectable } from 'kysely';
import type { Contact } from './collections.schemas.ts';
import type { CollectionContactsTable } from './collections.tables.ts';

export function toContact(r: Selectable<CollectionContactsTable>): Contact {
  return {
    id: r.id,
    guarantorKey: r.guarantor_key,
    type: r.type,
    note: r.note,
    promiseOn: r.promise_on,
    promiseCents: r.promise_cents === null ? null : Number(r.promise_cents),
    followUpOn: r.follow_up_on,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
  };
}
