/** The one query shape charges are read with, its mapping to the API object, and the lock for changes. */
import { sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { AppError, notFound } from '../shared/errors.ts';
import type { Charge } from './billing.schemas.ts';

/** Charges of the caller's organization with the patient's and provider's names. */
export function selectCharges(ctx: Ctx) {
  return ctx.db
    .selectFrom('charges as c')
    .innerJoin('patient_names as p', 'p.id', 'c.patient_id')
    .leftJoin('provider_directory as pr', 'pr.id', 'c.provider_id')
    .where('c.organization_id', '=', ctx.organizationId)
    .selectAll('c')
    .select([
      sql<string>`p.given_name || ' ' || p.family_name`.as('patient_name'),
      'p.restricted as patient_restricted',
      sql<
        string | null
      >`pr.given_name || ' ' || pr.family_name || case when pr.credentials <> '' then ', ' || pr.credentials else '' end`.as(
        'provider_name',
      ),
    ]);
}

export type ChargeRow = Awaited<ReturnType<ReturnType<typeof selectCharges>['executeTakeFirstOrThrow']>>;

export function toCharge(r: ChargeRow): Charge {
  return {
    id: r.id,
    encounterId: r.encounter_id,
    line: r.line,
    patientId: r.patient_id,
    patientName: r.patient_name,
    providerId: r.provider_id,
    providerName: r.provider_name,
    locationId: r.location_id,
    dateOfService: r.date_of_service,
    procedureCode: r.procedure_code,
    modifiers: r.modifiers,
    units: r.units,
    diagnosisPointers: r.diagnosis_pointers,
    diagnosisCodes: r.diagnosis_codes,
    encounterDiagnoses: r.encounter_diagnoses,
    unitPriceCents: r.unit_price_cents === null ? null : Number(r.unit_price_cents),
    amountCents: Number(r.amount_cents),
    priceSource: r.price_source,
    status: r.status,
    voidReason: r.void_reason,
    createdAt: r.created_at.toISOString(),
    version: r.version,
  };
}

export async function loadCharge(ctx: Ctx, id: string): Promise<Charge> {
  const row = await selectCharges(ctx).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('charge');
  return toCharge(row);
}

/** Lock a charge of the caller's organization for a change; NOT_FOUND otherwise (the caller then checks patient access). */
export async function lockCharge(tx: Ctx, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('charge');
  const row = await tx.db
    .selectFrom('charges')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', tx.organizationId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('charge');
  return row;
}

/** If-Match for every change of a charge (correct, approve, void): 412 VERSION_MISMATCH with the current charge when stale. */
export async function requireVersion(tx: Ctx, current: { id: string; version: number }, expectedVersion: number): Promise<void> {
  if (current.version !== expectedVersion)
    throw new AppError('VERSION_MISMATCH', `charge is at version ${current.version}`, {
      extra: { current: await loadCharge(tx, current.id) },
    });
}
