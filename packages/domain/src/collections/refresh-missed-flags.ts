import { sql } from 'kysely';
import type { Db } from '../shared/context.ts';

/**
 * Sets each guarantor's worklist flag from its plans: flagged while an active or broken plan of
 * one of its patients has an installment marked missed and not yet paid in full. Creates the
 * guarantor's collection row when a flag must be raised.
 */
export async function refreshMissedFlags(db: Db, keys: readonly { organizationId: string; guarantorKey: string }[]): Promise<void> {
  if (keys.length === 0) return;
  await sql`
    insert into collection_accounts (organization_id, guarantor_key, missed_installment, updated_at)
    select k.org, k.key,
           exists (select 1 from payment_plans p join payment_plan_installments i
                     on i.organization_id = p.organization_id and i.plan_id = p.id
                    where p.organization_id = k.org and p.guarantor_key = k.key and p.status in ('active', 'broken')
                      and i.missed_at is not null and i.paid_cents < i.amount_cents),
           now()
      from unnest(${keys.map((k) => k.organizationId)}::uuid[], ${keys.map((k) => k.guarantorKey)}::text[]) as k(org, key)
    on conflict (organization_id, guarantor_key)
    do update set missed_installment = excluded.missed_installment, updated_at = excluded.updated_at
      where collection_accounts.missed_installment is distinct from excluded.missed_installment`.execute(db);
}
