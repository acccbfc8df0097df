/**
 * After a denial: a replacement claim (frequency 7, REF*F8, linked, the original closed; a second
 * open replacement refused by the database), a void (frequency 8), a write-off (its own permission,
 * audited, the claim closed) and the appeal letter PDF (the patient's name as written, the CARC
 * codes). Front desk 403, another practice's claim 404, illegal states 409.
 */
import { parse837P } from '@x12/index.ts';
import { describe, expect, it } from 'vitest';
import { adjudicate, submitClaim } from '../helpers/adjudication-fixtures.ts';
import { type BillingPractice, billingPractice, readyClaim, temporaryClaimsOutbox } from '../helpers/claim-fixtures.ts';
import { pdfText } from '../helpers/pdf-text.ts';
import { createTestApp } from '../helpers/test-app.ts';

temporaryClaimsOutbox();
const t = await createTestApp();

type Claim = {
  id: string;
  status: string;
  patientControlNumber: string;
  frequencyCode: string;
  replacesClaimId: string | null;
  payerClaimControlNumber: string | null;
  totalChargeCents: number;
  lines: { procedureCode: string; chargeCents: number }[];
  corrections: { id: string; frequencyCode: string; status: string }[];
  writeOff: { amountCents: number; reason: string } | null;
  timeline: { from: string | null; to: string; reason: string }[];
};

/** A submitted claim the payer denied whole (line 1 CO-50, line 2 CO-97), with or without its claim number. */
async function deniedClaim(p: BillingPractice, o: { payerClaimControlNumber?: string } = { payerClaimControlNumber: 'ACME-77' }) {
  const claim = await readyClaim(t, p);
  await submitClaim(t, p.org, claim.id);
  await adjudicate(t, p.org, claim.id, {
    status: 'denied',
    ...o,
    lines: [
      { lineNumber: 1, paidCents: 0, adjustments: [{ group: 'CO', reasonCode: '50', amountCents: 15_000 }] },
      { lineNumber: 2, paidCents: 0, adjustments: [{ group: 'CO', reasonCode: '97', amountCents: 1_500 }] },
    ],
  });
  return claim;
}

const get = async (p: BillingPractice, id: string) => (await t.as(p.org, 'biller').get(`/api/claims/${id}`)).json() as Claim;

describe('replacing and voiding a claim', () => {
  it('replaces a denied claim with a frequency 7 draft naming the payer claim number, and closes the original', async () => {
    const p = await billingPractice(t);
    const original = await deniedClaim(p);
    // The biller corrects the visit's charges before replacing: the replacement bills the current approved charges.
    const charges = await t.db
      .selectFrom('charges')
      .select(['id', 'procedure_code', 'version'])
      .where('encounter_id', '=', original.encounterId)
      .orderBy('line')
      .execute();
    const drawn = charges.find((c) => c.procedure_code === '36415');
    expect(
      (await t.as(p.org, 'biller').post(`/api/charges/${drawn?.id}/void`, { reason: 'not drawn' }, { 'if-match': `"${drawn?.version}"` }))
        .statusCode,
    ).toBe(200);

    const res = await t.as(p.org, 'biller').post(`/api/claims/${original.id}/replace`, { reason: 'Blood draw billed in error' });
    expect(res.statusCode, res.body).toBe(201);
    const replacement = res.json() as Claim;
    expect(replacement).toMatchObject({
      status: 'draft',
      frequencyCode: '7',
      replacesClaimId: original.id,
      payerClaimControlNumber: 'ACME-77',
      totalChargeCents: 15_000,
    });
    expect(replacement.patientControlNumber).not.toBe(original.patientControlNumber);
    expect(replacement.lines.map((l) => l.procedureCode)).toEqual(['99213']);

    const closed = await get(p, original.id);
    expect(closed.status).toBe('closed');
    expect(closed.timeline.at(-1)).toMatchObject({
      from: 'denied',
      to: 'closed',
      reason: `replaced by claim ${replacement.patientControlNumber}: Blood draw billed in error`,
    });
    expect(closed.corrections).toEqual([
      { id: replacement.id, patientControlNumber: replacement.patientControlNumber, frequencyCode: '7', status: 'draft' },
    ]);
    const audited = await t.db
      .selectFrom('audit_events')
      .select(['resource_id', 'details'])
      .where('organization_id', '=', p.org.id)
      .where('resource_type', '=', 'claim_correction')
      .execute();
    expect(audited).toEqual([
      {
        resource_id: replacement.id,
        details: {
          claimId: original.id,
          correctionId: replacement.id,
          frequencyCode: '7',
          payerClaimControlNumber: 'ACME-77',
          reason: 'Blood draw billed in error',
        },
      },
    ]);

    // A closed claim is not replaced again: 409, nothing added.
    const twice = await t.as(p.org, 'biller').post(`/api/claims/${original.id}/replace`, { reason: 'again' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('ILLEGAL_TRANSITION');

    // The database refuses a second open replacement of the same claim, whatever the code does.
    await expect(
      t.db
        .insertInto('claims')
        .values({
          ...(await t.db
            .selectFrom('claims')
            .select([
              'organization_id',
              'patient_id',
              'encounter_id',
              'coverage_id',
              'payer_id',
              'provider_id',
              'location_id',
              'date_of_service',
              'place_of_service',
              'diagnoses',
              'total_charge_cents',
              'replaces_claim_id',
              'payer_claim_control_number',
            ])
            .where('id', '=', replacement.id)
            .executeTakeFirstOrThrow()),
          frequency_code: '7',
          patient_control_number: 'CDUPLICATE',
        })
        .execute(),
    ).rejects.toThrow(/claims_one_open_correction/);

    // The replacement goes the normal way: scrubbed (the original is not a duplicate), batched with CLM05-3 = 7 and REF*F8.
    expect((await t.as(p.org, 'biller').post(`/api/claims/${replacement.id}/scrub`)).json()).toEqual({ errors: [], warnings: [] });
    const batch = await t.as(p.org, 'biller').post('/api/claim-batches', { claimIds: [replacement.id] });
    expect(batch.statusCode, batch.body).toBe(201);
    const text = (await t.as(p.org, 'biller').get(`/api/claim-batches/${batch.json().id}/837`)).body;
    const [c837] = parse837P(text).batch.claims;
    expect(c837).toMatchObject({ frequencyCode: '7', payerClaimControlNumber: 'ACME-77', totalChargeCents: 15_000 });
    expect(text).toContain('REF*F8*ACME-77~');
  });

  it('needs the payer claim number in the body when no remittance gave it (400 naming the field, nothing changes)', async () => {
    const p = await billingPractice(t);
    const original = await deniedClaim(p, {});
    const res = await t.as(p.org, 'biller').post(`/api/claims/${original.id}/replace`, { reason: 'Wrong modifier' });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'payerClaimControlNumber', message: expect.any(String) }]);
    expect((await get(p, original.id)).status).toBe('denied');
    const bad = await t
      .as(p.org, 'biller')
      .post(`/api/claims/${original.id}/replace`, { reason: 'x', payerClaimControlNumber: 'no spaces' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('payerClaimControlNumber');
    const ok = await t
      .as(p.org, 'biller')
      .post(`/api/claims/${original.id}/replace`, { reason: 'Wrong modifier', payerClaimControlNumber: 'ICN555' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ frequencyCode: '7', payerClaimControlNumber: 'ICN555' });
  });

  it('voids a decided claim with a frequency 8 copy of it, and refuses states the payer has not decided', async () => {
    const p = await billingPractice(t);
    const draft = await readyClaim(t, p);
    for (const action of ['replace', 'void']) {
      const res = await t
        .as(p.org, 'biller')
        .post(`/api/claims/${draft.id}/${action}`, { reason: 'too early', payerClaimControlNumber: 'X1' });
      expect(res.statusCode, `${action}: ${res.body}`).toBe(409);
      expect(res.json().code).toBe('ILLEGAL_TRANSITION');
    }
    const original = await deniedClaim(p);
    const res = await t.as(p.org, 'biller').post(`/api/claims/${original.id}/void`, { reason: 'Wrong patient' });
    expect(res.statusCode, res.body).toBe(201);
    const voided = res.json() as Claim;
    expect(voided).toMatchObject({
      status: 'draft',
      frequencyCode: '8',
      replacesClaimId: original.id,
      payerClaimControlNumber: 'ACME-77',
      totalChargeCents: original.totalChargeCents,
    });
    expect(voided.lines.map((l) => l.procedureCode)).toEqual(['99213', '36415']);
    expect((await get(p, original.id)).status).toBe('closed');
    const again = await t.as(p.org, 'biller').post(`/api/claims/${voided.id}/replace`, { reason: 'no' });
    expect(again.statusCode).toBe(409);
  });
});

describe('writing off a claim', () => {
  it('closes a denied claim with the amount and reason, audited, with its own permission', async () => {
    const p = await billingPractice(t);
    const claim = await deniedClaim(p);
    const early = await readyClaim(t, p);

    // The front desk and a biller-less role: 403; another practice's biller: 404.
    expect((await t.as(p.org, 'front_desk').post(`/api/claims/${claim.id}/write-off`, { reason: 'x' })).statusCode).toBe(403);
    expect((await t.as(p.org, 'clinician').post(`/api/claims/${claim.id}/write-off`, { reason: 'x' })).statusCode).toBe(403);
    const other = await billingPractice(t);
    expect((await t.as(other.org, 'biller').post(`/api/claims/${claim.id}/write-off`, { reason: 'x' })).statusCode).toBe(404);
    // Bad input: 400 naming the field; more than is unpaid: 400 naming amountCents.
    const empty = await t.as(p.org, 'biller').post(`/api/claims/${claim.id}/write-off`, { reason: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].path).toBe('reason');
    const tooMuch = await t.as(p.org, 'biller').post(`/api/claims/${claim.id}/write-off`, { reason: 'x', amountCents: 16_501 });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().errors[0].path).toBe('amountCents');
    // A claim the payer has not decided: 409.
    const notYet = await t.as(p.org, 'biller').post(`/api/claims/${early.id}/write-off`, { reason: 'x' });
    expect(notYet.statusCode).toBe(409);
    expect((await get(p, claim.id)).status).toBe('denied');

    const res = await t.as(p.org, 'office_manager').post(`/api/claims/${claim.id}/write-off`, { reason: 'Past the appeal deadline' });
    expect(res.statusCode, res.body).toBe(200);
    const closed = res.json() as Claim;
    expect(closed.status).toBe('closed');
    expect(closed.writeOff).toMatchObject({ amountCents: 16_500, reason: 'Past the appeal deadline' });
    expect(closed.timeline.at(-1)).toMatchObject({
      from: 'denied',
      to: 'closed',
      reason: 'written off ($165.00): Past the appeal deadline',
    });
    const audited = await t.db
      .selectFrom('audit_events')
      .select(['patient_id', 'details'])
      .where('organization_id', '=', p.org.id)
      .where('resource_type', '=', 'claim_write_off')
      .execute();
    expect(audited).toEqual([
      { patient_id: claim.patientId, details: { claimId: claim.id, amountCents: 16_500, reason: 'Past the appeal deadline' } },
    ]);
    // Once: the claim is closed.
    expect((await t.as(p.org, 'biller').post(`/api/claims/${claim.id}/write-off`, { reason: 'again' })).statusCode).toBe(409);
    // The write-off row is append-only for the app role.
    await expect(
      t.db.updateTable('claim_write_offs').set({ amount_cents: 1 }).where('claim_id', '=', claim.id).execute(),
    ).rejects.toThrow();
  });

  it('writes off by default only what neither the payer paid nor the patient owes', async () => {
    const p = await billingPractice(t);
    const claim = await readyClaim(t, p);
    await submitClaim(t, p.org, claim.id);
    await adjudicate(t, p.org, claim.id, {
      status: 'partially_paid',
      patientResponsibilityCents: 2_000,
      lines: [
        {
          lineNumber: 1,
          paidCents: 10_000,
          adjustments: [
            { group: 'CO', reasonCode: '45', amountCents: 3_000 },
            { group: 'PR', reasonCode: '2', amountCents: 2_000 },
          ],
        },
        { lineNumber: 2, paidCents: 0, adjustments: [{ group: 'CO', reasonCode: '97', amountCents: 1_500 }] },
      ],
    });
    const res = await t.as(p.org, 'biller').post(`/api/claims/${claim.id}/write-off`, { reason: 'Bundled' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().writeOff.amountCents).toBe(16_500 - 10_000 - 2_000);
  });
});

describe('the appeal letter', () => {
  it('prints the patient as written, the claim numbers and each denied line with its CARC code', async () => {
    const p = await billingPractice(t);
    const claim = await deniedClaim(p);
    await t.db
      .updateTable('patients')
      .set({ given_name: 'Łukasz', family_name: 'Wiśniewski-Nguyễn' })
      .where('id', '=', claim.patientId)
      .execute();
    const paragraph = 'The visit was medically necessary: see the enclosed note of 3 March.';
    const res = await t.as(p.org, 'biller').get(`/api/claims/${claim.id}/appeal-letter.pdf?paragraph=${encodeURIComponent(paragraph)}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const text = (await pdfText(res.rawPayload)).replace(/\s+/g, ' ');
    expect(text).toContain('Łukasz Wiśniewski-Nguyễn');
    expect(text).toContain(claim.patientControlNumber);
    expect(text).toContain('ACME-77');
    expect(text).toContain('CO-50');
    expect(text).toContain('CO-97');
    // The CARC's short text as the denial queue shows it.
    expect(text).toContain('CO-50: Payer does not consider the service medically necessary');
    expect(text).toContain('medically necessary: see the enclosed note');
    const audited = await t.db
      .selectFrom('audit_events')
      .select(['action', 'patient_id', 'details'])
      .where('organization_id', '=', p.org.id)
      .where('resource_type', '=', 'appeal_letter')
      .execute();
    expect(audited).toEqual([{ action: 'print', patient_id: claim.patientId, details: { claimId: claim.id, deniedLines: 2 } }]);

    // Nothing posted yet: 409; the front desk: 403; another practice: 404.
    const early = await readyClaim(t, p);
    expect((await t.as(p.org, 'biller').get(`/api/claims/${early.id}/appeal-letter.pdf`)).statusCode).toBe(409);
    expect((await t.as(p.org, 'front_desk').get(`/api/claims/${claim.id}/appeal-letter.pdf`)).statusCode).toBe(403);
    const other = await billingPractice(t);
    expect((await t.as(other.org, 'biller').get(`/api/claims/${claim.id}/appeal-letter.pdf`)).statusCode).toBe(404);
    expect((await t.as(other.org, 'biller').post(`/api/claims/${claim.id}/replace`, { reason: 'x' })).statusCode).toBe(404);
    expect((await t.as(p.org, 'front_desk').post(`/api/claims/${claim.id}/replace`, { reason: 'x' })).statusCode).toBe(403);
  });
});
