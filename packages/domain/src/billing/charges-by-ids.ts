import type { Ctx } from '../shared/context.ts';
import type { ChargeStatus } from './billing.tables.ts';

export interface ChargeRef {
  id: string;
  patientId: string;
  encounterId: string;
  status: ChargeStatus;
  dateOfService: string;
  amountCents: number;
}

/**
 * Charges of the caller's organization by id (those that exist; others are left out), for
 * modules that point at charges (payment allocations). No permission or audit of its own: the
 * caller checks access to the patient and audits what it does.
 */
export async function chargesByIds(ctx: Ctx, ids: readonly string[]): Promise<ChargeRef[]> {
  const wanted = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (!wanted.length) return [];
  const rows = await ctx.db
    .selectFrom('charges')
    .select(['id', 'patient_id', 'encounter_id', 'status', 'date_of_service', 'amount_cents'])
    .where('organization_id', '=', ctx.organizationId)
    .where('id', 'in', wanted)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    patientId: r.patient_id,
    encounterId: r.encounter_id,
    status: r.status,
    dateOfService: r.date_of_service,
    amountCents: Number(r.amount_cents),
  }));
}
