import { type SqlBool, sql } from 'kysely';
/** How claims are read: the list row (with the patient's name), the full claim, and the lock for a change. */
import type { Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { readClaimAdjudication } from './get-claim-adjudication.ts';
import { reasonTexts } from './reason-texts.ts';
import type { ClaimSnapshot } from './claim-snapshot.ts';
import type { ScrubClaim } from './scrub-rules.ts';
import type { Claim, ClaimSummary } from './claims.schemas.ts';

export function selectClaims(ctx: Ctx) {
  return ctx.db
    .selectFrom('claims as c')
    .innerJoin('patient_names as p', 'p.id', 'c.patient_id')
    .innerJoin('claim_snapshots as s', 's.claim_id', 'c.id')
    .where('c.organization_id', '=', ctx.organizationId)
    .selectAll('c')
    .select('s.snapshot')
    .select(['p.given_name', 'p.family_name', 'p.restricted as patient_restricted'])
    .select((eb) =>
      eb
        .selectFrom('claim_events as ce')
        .select('ce.reason')
        .whereRef('ce.claim_id', '=', 'c.id')
        .orderBy('ce.at', 'desc')
        .orderBy('ce.id', 'desc')
        .limit(1)
        .as('status_reason'),
    );
}

export type ClaimRow = Awaited<ReturnType<ReturnType<typeof selectClaims>['executeTakeFirstOrThrow']>>;

export function toClaimSummary(r: ClaimRow): ClaimSummary {
  return {
    id: r.id,
    status: r.status,
    patientControlNumber: r.patient_control_number,
    patientId: r.patient_id,
    patientName: `${r.given_name} ${r.family_name}`,
    encounterId: r.encounter_id,
    coverageId: r.coverage_id,
    payerId: r.payer_id,
    payerName: r.snapshot.payer.name,
    claimFilingIndicator: r.snapshot.payer.claimFilingIndicator ?? 'CI',
    dateOfService: r.date_of_service,
    totalChargeCents: Number(r.total_charge_cents),
    batchId: r.batch_id,
    statusReason: r.status_reason ?? null,
    createdAt: r.created_at.toISOString(),
    version: r.version,
  };
}

/** Lock a claim of the caller's organization for a change; NOT_FOUND otherwise (the caller then checks patient access). */
export async function lockClaim(tx: Ctx, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('claim');
  const row = await tx.db
    .selectFrom('claims as c')
    .innerJoin('claim_snapshots as s', 's.claim_id', 'c.id')
    .selectAll('c')
    .select('s.snapshot')
    .where('c.id', '=', id)
    .where('c.organization_id', '=', tx.organizationId)
    .forUpdate('c')
    .executeTakeFirst();
  if (!row) throw notFound('claim');
  return row;
}

export async function claimLines(tx: Ctx, claimId: string) {
  const rows = await tx.db
    .selectFrom('claim_lines')
    .selectAll()
    .where('claim_id', '=', claimId)
    .where('organization_id', '=', tx.organizationId)
    .orderBy('line_number')
    .execute();
  return rows.map((l) => ({
    lineNumber: l.line_number,
    chargeId: l.charge_id,
    procedureCode: l.procedure_code,
    modifiers: l.modifiers,
    units: l.units,
    chargeCents: Number(l.charge_cents),
    diagnosisPointers: l.diagnosis_pointers,
  }));
}

/** The lines of many claims at once (a batch), in line order, by claim id. */
export async function claimLinesMany(tx: Ctx, claimIds: readonly string[]) {
  const byClaim = new Map<string, Awaited<ReturnType<typeof claimLines>>>();
  for (const id of claimIds) byClaim.set(id, []);
  {
    const rows = await tx.db
      .selectFrom('claim_lines')
      .selectAll()
      .where(sql<SqlBool>`claim_id in (select unnest(${[...claimIds]}::uuid[]))`)
      .where('organization_id', '=', tx.organizationId)
      .orderBy('claim_id')
      .orderBy('line_number')
      .execute();
    for (const l of rows)
      byClaim.get(l.claim_id)?.push({
        lineNumber: l.line_number,
        chargeId: l.charge_id,
        procedureCode: l.procedure_code,
        modifiers: l.modifiers,
        units: l.units,
        chargeCents: Number(l.charge_cents),
        diagnosisPointers: l.diagnosis_pointers,
      });
  }
  return byClaim;
}

/** The full claim (no access check or audit: callers do both). */
export async function loadClaim(tx: Ctx, id: string): Promise<Claim> {
  const row = await selectClaims(tx).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('claim');
  const [lines, events, overrides, corrections, writeOff] = await Promise.all([
    claimLines(tx, id),
    tx.db
      .selectFrom('claim_events as e')
      .leftJoin('staff_directory as u', 'u.id', 'e.user_id')
      .select(['e.at', 'e.user_id', 'u.display_name', 'e.from_status', 'e.to_status', 'e.reason'])
      .where('e.claim_id', '=', id)
      .where('e.organization_id', '=', tx.organizationId)
      .orderBy('e.at')
      .orderBy('e.id')
      .execute(),
    tx.db
      .selectFrom('claim_overrides')
      .select(['rule', 'reason', 'user_id', 'at'])
      .where('claim_id', '=', id)
      .where('organization_id', '=', tx.organizationId)
      .orderBy('at')
      .execute(),
    tx.db
      .selectFrom('claims')
      .select(['id', 'patient_control_number', 'frequency_code', 'status'])
      .where('replaces_claim_id', '=', id)
      .where('organization_id', '=', tx.organizationId)
      .orderBy('created_at', 'desc')
      .execute(),
    tx.db
      .selectFrom('claim_write_offs')
      .select(['amount_cents', 'reason', 'user_id', 'at'])
      .where('claim_id', '=', id)
      .where('organization_id', '=', tx.organizationId)
      .executeTakeFirst(),
  ]);
  const adjudication = await readClaimAdjudication(tx, id);
  const texts = await reasonTexts(tx, {
    CARC: [...(adjudication?.adjustments ?? []), ...(adjudication?.lines ?? []).flatMap((l) => l.adjustments)].map((a) => a.reasonCode),
    RARC: (adjudication?.lines ?? []).flatMap((l) => l.remarkCodes),
  });
  const s = row.snapshot;
  return {
    ...toClaimSummary(row),
    frequencyCode: row.frequency_code,
    placeOfService: row.place_of_service,
    priorAuthorization: row.prior_authorization,
    diagnoses: row.diagnoses,
    lines,
    billingProvider: s.billingProvider,
    renderingProvider: s.renderingProvider,
    referringProvider: s.referringProvider,
    serviceFacility: s.serviceFacility,
    subscriber: s.subscriber,
    patient: s.patient,
    scrub: row.last_scrub,
    overrides: overrides.map((o) => ({ rule: o.rule, reason: o.reason, userId: o.user_id, at: o.at.toISOString() })),
    timeline: events.map((e) => ({
      at: e.at.toISOString(),
      userId: e.user_id,
      userName: e.display_name ?? null,
      from: e.from_status,
      to: e.to_status,
      reason: e.reason,
    })),
    paidCents: adjudication?.paidCents ?? 0,
    patientResponsibilityCents: adjudication?.patientResponsibilityCents ?? 0,
    paidDate: adjudication?.paidDate ?? null,
    adjustments: [
      ...(adjudication?.adjustments ?? []).map((a) => ({
        group: a.group,
        reasonCode: a.reasonCode,
        amountCents: a.amountCents,
        lineNumber: null,
        reasonText: texts.text('CARC', a.reasonCode),
      })),
      ...(adjudication?.lines ?? []).flatMap((l) =>
        l.adjustments.map((a) => ({
          group: a.group,
          reasonCode: a.reasonCode,
          amountCents: a.amountCents,
          lineNumber: l.lineNumber,
          reasonText: texts.text('CARC', a.reasonCode),
        })),
      ),
    ],
    lineAdjudication: (adjudication?.lines ?? []).map((l) => ({
      lineNumber: l.lineNumber,
      paidCents: l.paidCents,
      adjustments: l.adjustments.map((a) => ({
        group: a.group,
        reasonCode: a.reasonCode,
        amountCents: a.amountCents,
        reasonText: texts.text('CARC', a.reasonCode),
      })),
      remarkCodes: l.remarkCodes,
      remarks: l.remarkCodes.map((code) => ({ code, text: texts.text('RARC', code) })),
    })),
    coveragePriority: s.coverage.priority,
    replacesClaimId: row.replaces_claim_id,
    payerClaimControlNumber: row.payer_claim_control_number,
    corrections: corrections.map((c) => ({
      id: c.id,
      patientControlNumber: c.patient_control_number,
      frequencyCode: c.frequency_code,
      status: c.status,
    })),
    otherPayers: s.otherPayers ?? [],
    writeOff: writeOff
      ? { amountCents: Number(writeOff.amount_cents), reason: writeOff.reason, userId: writeOff.user_id, at: writeOff.at.toISOString() }
      : null,
  };
}

/** Store a new claim's snapshot (same transaction as the claim: a deferred trigger checks every claim has one). */
export async function insertClaimSnapshot(tx: Ctx, claimId: string, snapshot: ClaimSnapshot): Promise<void> {
  await tx.db
    .insertInto('claim_snapshots')
    .values({ organization_id: tx.organizationId, claim_id: claimId, snapshot: JSON.stringify(snapshot) })
    .execute();
}

/** What the scrubber reads of a claim row and its lines. */
export function toScrubClaim(
  row: { id: string; snapshot: ClaimSnapshot; date_of_service: string; diagnoses: string[] },
  lines: ScrubClaim['lines'],
): ScrubClaim {
  return { ...row.snapshot, id: row.id, dateOfService: row.date_of_service, diagnoses: row.diagnoses, lines };
}
