/**
 * The charges of one encounter, in line order, as the claims module bills them (it bills the
 * `approved` ones and refuses while any other line is in review or needs a price): claims read no charge table. No permission or audit of its own: the claim that calls it checks
 * `claim:submit`, the patient's access, and audits the claim it builds.
 */
import { sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import type { ChargeStatus } from './billing.tables.ts';

export interface ClaimableCharge {
  id: string;
  status: ChargeStatus;
  line: number;
  patientId: string;
  encounterId: string;
  providerId: string;
  locationId: string;
  dateOfService: string;
  procedureCode: string;
  modifiers: string[];
  units: number;
  amountCents: number;
  diagnosisPointers: number[];
  /** The encounter's diagnoses as signed, in order (the pointers index them). */
  encounterDiagnoses: string[];
}

export async function chargesForClaim(ctx: Ctx, encounterId: string): Promise<ClaimableCharge[]> {
  if (!/^[0-9a-f-]{36}$/i.test(encounterId)) return [];
  const rows = await ctx.db
    .selectFrom('charges')
    .selectAll()
    .where('organization_id', '=', ctx.organizationId)
    .where('encounter_id', '=', encounterId)
    .orderBy('line')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    line: r.line,
    patientId: r.patient_id,
    encounterId: r.encounter_id,
    providerId: r.provider_id,
    locationId: r.location_id,
    dateOfService: r.date_of_service,
    procedureCode: r.procedure_code,
    modifiers: r.modifiers,
    units: r.units,
    amountCents: Number(r.amount_cents),
    diagnosisPointers: r.diagnosis_pointers,
    encounterDiagnoses: r.encounter_diagnoses,
  }));
}

/**
 * Encounters ready to claim (by date of service, newest first), for the claims module's
 * candidates list: at least one approved charge and every charge approved or void (a line still
 * in review or needing a price keeps the visit out: the claim would refuse it).
 */
export async function encountersWithApprovedCharges(
  ctx: Ctx,
  limit: number,
): Promise<{ encounterId: string; patientId: string; dateOfService: string; totalCents: number; lines: number }[]> {
  const rows = await ctx.db
    .selectFrom('charges')
    .select((eb) => [
      'encounter_id',
      'patient_id',
      'date_of_service',
      eb.fn.sum<string>('amount_cents').as('total'),
      eb.fn.countAll<string>().as('lines'),
    ])
    .where('organization_id', '=', ctx.organizationId)
    .where('status', 'in', ['approved', 'review', 'needs_price'])
    .groupBy(['encounter_id', 'patient_id', 'date_of_service'])
    .having(sql<boolean>`bool_and(status = 'approved')`)
    .orderBy('date_of_service', 'desc')
    .orderBy('encounter_id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    encounterId: r.encounter_id,
    patientId: r.patient_id,
    dateOfService: r.date_of_service,
    totalCents: Number(r.total),
    lines: Number(r.lines),
  }));
}
