import { build270, type Eligibility270Request } from '@x12/index.ts';
import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { CLAIMS_SETTINGS, takeControlNumbers } from '../claims/index.ts';
import { findPayer, listCoverages } from '../insurance/index.ts';
import { listLocations, locationLetterhead, locationsByIds, readModuleSettings } from '../organizations/index.ts';
import { getPatient } from '../patients/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, notFound } from '../shared/errors.ts';
import type { EligibilityRequest, EligibilityRequestInput } from './eligibility.schemas.ts';

const text = (v: unknown, fallback: string) => (typeof v === 'string' && v.trim() ? v.trim() : fallback);
const sex = (s: string | null | undefined) => (s === 'female' ? 'F' : s === 'male' ? 'M' : undefined);
const upper = (s: string) => s.toUpperCase();

/**
 * Build the 270 eligibility inquiry for one of a patient's coverages: the payer (its EDI id),
 * the practice as information receiver (the location's billing NPI: the chosen location, else
 * the first with one), the subscriber with the member id, and the patient as a dependent when
 * the subscriber is someone else. Control numbers come from the claims counters (one sequence
 * for everything the practice sends); TRN02, which the 271 echoes, is `CD` + the ISA13. The
 * text is kept with the request and answered.
 */
export async function createEligibilityRequest(
  ctx: Ctx,
  patientId: string,
  coverageId: string,
  input: EligibilityRequestInput,
): Promise<EligibilityRequest> {
  requirePermission(ctx, 'eligibility:check');
  if (!/^[0-9a-f-]{36}$/i.test(patientId) || !/^[0-9a-f-]{36}$/i.test(coverageId)) throw notFound('coverage');
  return inTransaction(ctx, async (tx) => {
    const access = await requirePatientAccess(tx, patientId, 'eligibility:check');
    const coverage = (await listCoverages(tx, patientId, { includeInactive: true })).find((c) => c.id === coverageId);
    if (!coverage) throw notFound('coverage');
    const [payer, patient] = await Promise.all([findPayer(tx, coverage.payerId), getPatient(tx, patientId)]);
    if (!payer?.ediPayerId)
      throw new AppError(
        'CONFLICT',
        `the payer ${coverage.payerName} has no EDI payer id: add it under Payers before checking eligibility`,
      );
    const locations = tx.locationId ? await locationsByIds(tx, [tx.locationId]) : await listLocations(tx);
    const location = locations.find((l) => l.billingNpi);
    if (!location?.billingNpi)
      throw new AppError('CONFLICT', 'no location has a billing NPI: add one to the location before checking eligibility');
    const letterhead = await locationLetterhead(tx, location.id);
    const settings = await readModuleSettings(tx.db, tx.organizationId, Object.keys(CLAIMS_SETTINGS));
    const numbers = await takeControlNumbers(tx);
    const traceNumber = `CD${String(numbers.interchange).padStart(9, '0')}`;
    const now = tx.clock.now();
    const serviceDate = input.serviceDate ?? now.toISOString().slice(0, 10);
    const self = coverage.subscriber.kind === 'self';
    const patientName = { last: upper(patient.familyName), first: upper(patient.givenName) };
    const subscriber: Eligibility270Request['subscriber'] =
      coverage.subscriber.kind === 'person'
        ? {
            memberId: coverage.memberId,
            name: { last: upper(coverage.subscriber.familyName), first: upper(coverage.subscriber.givenName) },
            dateOfBirth: coverage.subscriber.birthDate,
            sex: sex(coverage.subscriber.sex),
          }
        : { memberId: coverage.memberId, name: patientName, dateOfBirth: patient.birthDate ?? undefined, sex: sex(patient.sex) };
    const senderId = text(settings.claims_submitter_id, location.tin ?? location.billingNpi);
    const x12 = build270(
      {
        sender: { id: senderId },
        receiver: { id: text(settings.claims_receiver_id, payer.ediPayerId) },
        traceNumber,
        traceOriginator: `1${(location.tin ?? location.billingNpi).padStart(9, '0').slice(-9)}`,
        payer: { name: upper(payer.name), payerId: payer.ediPayerId },
        provider: { npi: location.billingNpi, name: upper(letterhead?.practice ?? location.name) },
        subscriber,
        ...(self ? {} : { dependent: { name: patientName, dateOfBirth: patient.birthDate ?? undefined, sex: sex(patient.sex) } }),
        serviceDate,
      },
      {
        controlNumbers: { interchange: numbers.interchange, group: numbers.group, transactions: [numbers.transaction] },
        date: now.toISOString().slice(0, 10),
        time: now.toISOString().slice(11, 16).replace(':', ''),
        usageIndicator: settings.claims_usage_indicator === 'P' ? 'P' : 'T',
      },
    );
    const row = await tx.db
      .insertInto('eligibility_requests')
      .values({
        organization_id: tx.organizationId,
        patient_id: patientId,
        coverage_id: coverageId,
        payer_id: payer.id,
        trace_number: traceNumber,
        interchange_control_number: numbers.interchange,
        service_date: serviceDate,
        x12,
        created_by: actorUserId(tx),
        created_at: now,
      })
      .returning(['id', 'created_at'])
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'eligibility_request',
      resourceId: row.id,
      access,
      details: { coverageId, traceNumber },
    });
    return {
      id: row.id,
      coverageId,
      traceNumber,
      interchangeControlNumber: numbers.interchange,
      serviceDate,
      createdAt: row.created_at.toISOString(),
      x12,
    };
  });
}
