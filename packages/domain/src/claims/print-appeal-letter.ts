import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { locationLetterhead, providersByIds } from '../organizations/index.ts';
import { getPatient } from '../patients/index.ts';
import { localDateOf } from '../scheduling/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, notFound } from '../shared/errors.ts';
import { renderAppealLetterPdf } from './appeal-letter-pdf.ts';
import { claimLines } from './claim-row.ts';
import { getClaimAdjudication } from './get-claim-adjudication.ts';
import { reasonTexts } from './reason-texts.ts';

/**
 * An appeal letter for a claim's denied lines (PDF): the location's letterhead, the payer, the
 * patient as written with birth date and member ID, our and the payer's claim numbers, date of
 * service, each denied line (nothing paid) with its CARC codes and their short text, the biller's
 * own paragraph (or a standard one) and a signature line. Nothing posted or nothing denied: 409.
 * Printing is audited.
 */
export async function printAppealLetter(ctx: Ctx, id: string, paragraph: string | undefined): Promise<Buffer> {
  requirePermission(ctx, 'claim:submit');
  return inTransaction(ctx, async (tx) => {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('claim');
    const claim = await tx.db
      .selectFrom('claims as c')
      .innerJoin('claim_snapshots as s', 's.claim_id', 'c.id')
      .selectAll('c')
      .select('s.snapshot')
      .where('c.id', '=', id)
      .where('c.organization_id', '=', tx.organizationId)
      .executeTakeFirst();
    if (!claim) throw notFound('claim');
    const access = await requirePatientAccess(tx, claim.patient_id, 'claim:submit');
    const adjudication = await getClaimAdjudication(tx, id);
    if (!adjudication)
      throw new AppError('CONFLICT', `claim ${claim.patient_control_number} has no remittance posted: nothing to appeal yet`);
    const lines = await claimLines(tx, id);
    const adjudicated = new Map(adjudication.lines.map((l) => [l.lineNumber, l]));
    // A line is denied when the payer paid nothing for it; a remittance without lines denies the claim as a whole.
    const denied = lines.flatMap((l) => {
      const a = adjudicated.get(l.lineNumber);
      if (a) return a.paidCents === 0 ? [{ line: l, adjustments: a.adjustments }] : [];
      return adjudication.lines.length === 0 && adjudication.paidCents === 0 ? [{ line: l, adjustments: adjudication.adjustments }] : [];
    });
    if (denied.length === 0)
      throw new AppError('CONFLICT', `claim ${claim.patient_control_number} has no denied line to appeal (the payer paid every line)`);
    const texts = await reasonTexts(tx, { CARC: denied.flatMap((d) => d.adjustments.map((a) => a.reasonCode)) });
    const signerId = actorUserId(tx);
    const [letterhead, [provider], signer, zone] = await Promise.all([
      locationLetterhead(tx, claim.location_id),
      providersByIds(tx, [claim.provider_id]),
      signerId ? tx.db.selectFrom('staff_directory').select('display_name').where('id', '=', signerId).executeTakeFirst() : undefined,
      tx.db
        .selectFrom('location_directory')
        .select('time_zone')
        .where('organization_id', '=', tx.organizationId)
        .where('id', '=', claim.location_id)
        .executeTakeFirst(),
    ]);
    if (!letterhead) throw notFound('claim');
    // The patient's record (its read audited as such): the name as written.
    const patient = await getPatient(tx, claim.patient_id);
    await recordAudit(tx, {
      action: 'print',
      resourceType: 'appeal_letter',
      resourceId: id,
      access,
      details: { claimId: id, deniedLines: denied.length },
    });
    const { practice, location } = letterhead;
    const s = claim.snapshot;
    return renderAppealLetterPdf({
      letterhead: {
        practiceName: practice,
        locationName: location.name,
        addressLines: [
          location.addressLine1,
          location.addressLine2,
          [[location.city, location.state].filter(Boolean).join(', '), location.postalCode].filter(Boolean).join(' '),
        ].filter(Boolean),
        phone: location.phone,
      },
      date: localDateOf(tx.clock.now().getTime(), zone?.time_zone ?? 'UTC'),
      payer: s.payer,
      patient: [patient.givenName, patient.middleName, patient.familyName, patient.suffix].filter(Boolean).join(' '),
      patientBirthDate: patient.birthDate,
      memberId: s.subscriber.memberId,
      patientControlNumber: claim.patient_control_number,
      payerClaimControlNumber: adjudication.payerClaimControlNumber ?? null,
      dateOfService: claim.date_of_service,
      provider: provider
        ? `${provider.givenName} ${provider.familyName}${provider.credentials ? `, ${provider.credentials}` : ''}`
        : `${s.renderingProvider.givenName} ${s.renderingProvider.familyName}`,
      providerNpi: provider?.npi || s.renderingProvider.npi,
      deniedLines: denied.map(({ line, adjustments }) => ({
        lineNumber: line.lineNumber,
        procedureCode: line.procedureCode,
        modifiers: line.modifiers,
        chargeCents: line.chargeCents,
        reasons: adjustments.map((a) => ({
          code: `${a.group}-${a.reasonCode}`,
          text: texts.text('CARC', a.reasonCode) ?? 'see the remittance advice',
        })),
      })),
      paragraph: paragraph || null,
      signer: signer?.display_name ?? 'Billing office',
    });
  });
}
