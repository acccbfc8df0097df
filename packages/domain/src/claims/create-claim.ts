import { sql } from 'kysely';
import { type PatientAccess, requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { chargesForClaim } from '../billing/index.ts';
import { findPayer, listCoverages } from '../insurance/index.ts';
import { locationLetterhead, providersByIds } from '../organizations/index.ts';
import { getPatient } from '../patients/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, isUniqueViolation, notFound } from '../shared/errors.ts';
import type { ClaimSnapshot, SnapshotAddress } from './claim-snapshot.ts';
import { insertClaimSnapshot, loadClaim } from './claim-row.ts';
import { earlierPayers } from './earlier-payers.ts';
import type { Claim, ClaimInput } from './claims.schemas.ts';

/** The next patient control number of the organization: `C` and 7 digits (≤ 20 characters, payers truncate CLM01 there). */
export async function nextPatientControlNumber(tx: Ctx): Promise<string> {
  const { n } = await sql<{ n: string }>`
    insert into claim_counters (organization_id, next_claim_number) values (${tx.organizationId}, 2)
    on conflict (organization_id) do update set next_claim_number = claim_counters.next_claim_number + 1
    returning next_claim_number - 1 as n`
    .execute(tx.db)
    .then((r) => r.rows[0] as { n: string });
  return `C${String(n).padStart(7, '0')}`;
}

const address = (a: { line1: string; line2?: string | null; city: string; state: string | null; postalCode: string | null } | null) =>
  a
    ? ({
        line1: a.line1,
        line2: a.line2 || null,
        city: a.city,
        state: a.state ?? '',
        postalCode: a.postalCode ?? '',
      } satisfies SnapshotAddress)
    : null;

/**
 * Build a claim (draft) from an encounter's approved charges for one coverage (default: the
 * patient's primary coverage in force on the date of service), snapshotting what it bills.
 * No charges at all: 404 (no signed encounter of this practice); a charge still in review or
 * needing a price: 409 naming each (a claim bills every line not voided); all void: 409;
 * a second original claim for the encounter and coverage: 409 (a unique index).
 */
export async function createClaim(ctx: Ctx, input: ClaimInput): Promise<Claim> {
  requirePermission(ctx, 'claim:submit');
  return inTransaction(ctx, async (tx) => loadClaim(tx, (await buildClaim(tx, input)).id));
}

/** A correction of a claim the payer already has: frequency 7 (replacement), linked to it and naming the payer's number. */
export interface Correction {
  frequencyCode: '7';
  replacesClaimId: string;
  payerClaimControlNumber: string;
}

/**
 * The claim-building part of createClaim, in the caller's transaction (a replacement claim is
 * built the same way): approved charges, coverage, snapshot (with the earlier payers'
 * adjudication for a secondary or tertiary claim), lines, the timeline's first row and the audit row.
 */
export async function buildClaim(
  tx: Ctx,
  input: ClaimInput,
  correction?: Correction,
): Promise<{ id: string; patientId: string; access: PatientAccess }> {
  const charges = await chargesForClaim(tx, input.encounterId);
  const first = charges[0];
  if (!first) throw notFound('signed encounter with charges');
  const access = await requirePatientAccess(tx, first.patientId, 'claim:submit');
  // A claim bills the whole visit: every line not voided, and all of them approved.
  const waiting = charges.filter((c) => c.status === 'review' || c.status === 'needs_price');
  if (waiting.length)
    throw new AppError(
      'CONFLICT',
      `${waiting.length} of the encounter's charges ${waiting.length === 1 ? 'is' : 'are'} not approved yet (${waiting
        .map((c) => `line ${c.line} ${c.procedureCode}: ${c.status === 'needs_price' ? 'needs a price' : 'in review'}`)
        .join('; ')}): approve or void ${waiting.length === 1 ? 'it' : 'them'} first`,
      {
        errors: waiting.map((c) => ({
          path: 'encounterId',
          message: `Charge ${c.id} (line ${c.line}, ${c.procedureCode}) is ${c.status === 'needs_price' ? 'waiting for a price' : 'in review'}, not approved.`,
        })),
      },
    );
  const approved = charges.filter((c) => c.status === 'approved');
  if (approved.length === 0)
    throw new AppError('CONFLICT', 'the encounter has no approved charges (all are void)', {
      errors: [{ path: 'encounterId', message: 'No approved charges to bill.' }],
    });
  const dos = first.dateOfService;
  const coverages = await listCoverages(tx, first.patientId, { includeInactive: true });
  const coverage = input.coverageId
    ? coverages.find((c) => c.id === input.coverageId)
    : coverages.find(
        (c) => c.active && c.priority === 'primary' && c.effectiveDate <= dos && (c.terminationDate === null || c.terminationDate >= dos),
      );
  if (!coverage) {
    if (input.coverageId) throw notFound('coverage');
    throw new AppError('CONFLICT', `the patient has no primary coverage in force on ${dos}`, {
      errors: [{ path: 'coverageId', message: `No primary coverage in force on ${dos}; choose one.` }],
    });
  }
  const payer = await findPayer(tx, coverage.payerId);
  if (!payer) throw notFound('payer');
  const patient = await getPatient(tx, first.patientId);
  const [provider] = await providersByIds(tx, [first.providerId]);
  const letterhead = await locationLetterhead(tx, first.locationId);
  if (!provider || !letterhead) throw notFound('provider or location');
  const location = letterhead.location;
  const locationAddress = address({
    line1: location.addressLine1,
    line2: location.addressLine2,
    city: location.city,
    state: location.state,
    postalCode: location.postalCode,
  });
  const patientPerson = {
    givenName: patient.givenName,
    familyName: patient.familyName,
    birthDate: patient.birthDate,
    sex: patient.sex,
    address: address(patient.address),
    phone: contactPhone(patient.phones),
  };
  const sub = coverage.subscriber;
  const snapshot: ClaimSnapshot = {
    billingProvider: {
      name: letterhead.practice,
      npi: location.billingNpi,
      tin: location.tin,
      address: locationAddress,
      phone: location.phone,
    },
    renderingProvider: {
      givenName: provider.givenName,
      familyName: provider.familyName,
      npi: provider.npi || null,
      taxonomy: provider.taxonomyCode,
    },
    referringProvider: input.referringProvider ?? null,
    serviceFacility: { name: location.name, address: locationAddress, npi: location.billingNpi },
    payer: {
      name: payer.name,
      ediPayerId: payer.ediPayerId,
      timelyFilingDays: payer.timelyFilingDays,
      claimFilingIndicator: payer.claimFilingIndicator,
    },
    coverage: { effectiveDate: coverage.effectiveDate, terminationDate: coverage.terminationDate, priority: coverage.priority },
    subscriber: {
      ...(sub.kind === 'self'
        ? patientPerson
        : {
            givenName: sub.givenName,
            familyName: sub.familyName,
            birthDate: sub.birthDate,
            sex: sub.sex,
            address: address(sub.address),
          }),
      memberId: coverage.memberId,
      groupNumber: coverage.groupNumber,
      relationship: coverage.relationship,
    },
    patient: patientPerson,
    // A secondary or tertiary claim: what the payers before it decided (409 while one has not).
    ...(coverage.priority === 'primary'
      ? {}
      : {
          otherPayers: await earlierPayers(tx, {
            encounterId: input.encounterId,
            priority: coverage.priority,
            chargeIds: approved.map((c) => c.id),
            today: tx.clock.now().toISOString().slice(0, 10),
          }),
        }),
  };
  const total = approved.reduce((t, c) => t + c.amountCents, 0);
  const pcn = await nextPatientControlNumber(tx);
  let claimId: string;
  try {
    const row = await tx.db
      .insertInto('claims')
      .values({
        organization_id: tx.organizationId,
        patient_id: first.patientId,
        encounter_id: input.encounterId,
        coverage_id: coverage.id,
        payer_id: payer.id,
        provider_id: first.providerId,
        location_id: first.locationId,
        patient_control_number: pcn,
        date_of_service: dos,
        place_of_service: location.placeOfService,
        prior_authorization: input.priorAuthorization ?? null,
        diagnoses: first.encounterDiagnoses,
        total_charge_cents: total,
        ...(correction
          ? {
              frequency_code: correction.frequencyCode,
              replaces_claim_id: correction.replacesClaimId,
              payer_claim_control_number: correction.payerClaimControlNumber,
            }
          : {}),
        created_by: actorUserId(tx),
        created_at: tx.clock.now(),
        updated_at: tx.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    claimId = row.id;
    await insertClaimSnapshot(tx, claimId, snapshot);
  } catch (e) {
    if (isUniqueViolation(e) && correction)
      throw new AppError('CONFLICT', 'the claim already has an open replacement', {
        errors: [{ path: 'id', message: 'This claim already has an open replacement.' }],
      });
    if (isUniqueViolation(e))
      throw new AppError('CONFLICT', 'the encounter already has a claim for this coverage', {
        errors: [{ path: 'encounterId', message: 'A claim for this encounter and coverage exists.' }],
      });
    throw e;
  }
  await tx.db
    .insertInto('claim_lines')
    .values(
      approved.map((c, i) => ({
        organization_id: tx.organizationId,
        claim_id: claimId,
        line_number: i + 1,
        charge_id: c.id,
        procedure_code: c.procedureCode,
        modifiers: c.modifiers,
        units: c.units,
        charge_cents: c.amountCents,
        diagnosis_pointers: c.diagnosisPointers,
      })),
    )
    .execute();
  await tx.db
    .insertInto('claim_events')
    .values({
      organization_id: tx.organizationId,
      claim_id: claimId,
      at: tx.clock.now(),
      user_id: actorUserId(tx),
      from_status: null,
      to_status: 'draft',
      reason: `${correction ? 'replacement (frequency 7) ' : ''}built from ${approved.length} approved charge${approved.length === 1 ? '' : 's'}`,
    })
    .execute();
  await recordAudit(tx, {
    action: 'create',
    resourceType: 'claim',
    resourceId: claimId,
    access,
    details: { encounterId: input.encounterId, coverageId: coverage.id, patientControlNumber: pcn, totalChargeCents: total },
  });
  return { id: claimId, patientId: first.patientId, access };
}

/** The phone a claim form shows for the patient: home, else mobile, else the first one. */
function contactPhone(phones: readonly { type: string; number: string }[]): string | null {
  return (phones.find((p) => p.type === 'home') ?? phones.find((p) => p.type === 'mobile') ?? phones[0])?.number ?? null;
}
