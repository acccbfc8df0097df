import type { Ctx } from '../shared/context.ts';
import type { ChargeStatus } from './billing.tables.ts';

export interface ChargeRef {
  id: string;
  patientId: string;
  encounterId: string;
  status: ChargeStatus;
  dateOfService: string;
  amountCents: number;
  procedureCode: string;
  providerId: string;
  /** The charge's line on its visit (1, 2, ...). */
  line: number;
}

/**
 * Charges of the caller's organization by id (those that exist; others are left out), for
 * modules that point at charges (payment allocations, statements' visit lines). No permission or audit of its own: the
 * caller checks access to the patient and audits what it does.
 */
export async function chargesByIds(ctx: Ctx, ids: readonly string[]): Promise<ChargeRef[]> {
  const wanted = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (!wanted.length) return [];
  const rows = await ctx.db
    .selectFrom('charges')
    .select(['id', 'patient_id', 'encounter_id', 'status', 'date_of_service', 'amount_cents', 'procedure_code', 'provider_id', 'line'])
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
    procedureCode: r.procedure_code,
    providerId: r.provider_id,
    line: r.line,
  }));
}
