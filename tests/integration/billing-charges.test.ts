/**
 * Charges: created when an encounter is signed through the real API (one per procedure line,
 * priced from the standard schedule in force on the date of service, else the procedure list's
 * fee, else `needs_price`), idempotent on a second delivery of the event; the biller's review
 * (corrections with If-Match and a reason when the amount leaves the schedule, approval,
 * voiding; approved and void charges final in the API and in the database), every edit
 * audited; who may see them (front desk and clinicians 403, another practice's charge 404, a
 * restricted patient's charge only for the care team).
 */
import { encounterSigned } from '@domain/encounters/index.ts';
import { loadEncounterFull } from '@domain/encounters/encounter-row.ts';
import { signedPayload } from '@domain/encounters/encounter-signature.ts';
import { inTransaction } from '@domain/shared/context.ts';
import { emit } from '@domain/shared/events.ts';
import { describe, expect, it } from 'vitest';
import { procedureList, TEST_PASSWORD, visitInState } from '../helpers/encounter-fixtures.ts';
import type { TestOrg } from '../helpers/factories.ts';
import { newPatient } from '../helpers/scheduling-factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

const t = await createTestApp();

type Charge = {
  id: string;
  encounterId: string;
  patientId: string;
  patientName: string;
  procedureCode: string;
  modifiers: string[];
  units: number;
  amountCents: number;
  unitPriceCents: number | null;
  diagnosisPointers: number[];
  diagnosisCodes: string[];
  priceSource: string;
  status: string;
  dateOfService: string;
  version: number;
};

const withVersion = (v: number) => ({ 'if-match': `"${v}"` });

async function practice() {
  const org = await t.newOrg();
  await procedureList(t.db, org);
  return org;
}

type Line = { code: string; modifiers?: string[]; units?: number; diagnosisPointers: number[] };

/** Open an encounter from a roomed visit, code it, and sign it as the rendering clinician (the real API). */
async function signVisit(org: TestOrg, procedures: Line[], o: { patientId?: string } = {}) {
  const patientId = o.patientId ?? (await newPatient(t.db, org));
  const visit = await visitInState(t.db, org, patientId, { status: 'roomed' });
  const opened = await t.as(org, 'clinician').post('/api/encounters', {
    patientId,
    providerId: org.providerId,
    locationId: org.locationId,
    appointmentId: visit.id,
  });
  expect(opened.statusCode, opened.body).toBe(201);
  const enc = opened.json() as { id: string; version: number; dateOfService: string };
  const coded = await t
    .as(org, 'clinician')
    .patch(
      `/api/encounters/${enc.id}`,
      { note: { assessment: 'Hypertension; type 2 diabetes.' }, diagnoses: [{ code: 'I10' }, { code: 'E11.9' }], procedures },
      withVersion(enc.version),
    );
  expect(coded.statusCode, coded.body).toBe(200);
  const signed = await t.as(org, 'clinician').post(`/api/encounters/${enc.id}/sign`, { password: TEST_PASSWORD });
  expect(signed.statusCode, signed.body).toBe(200);
  return { encounterId: enc.id, patientId, dateOfService: enc.dateOfService };
}

async function chargesOf(org: TestOrg, encounterId: string, role: 'biller' | 'office_manager' = 'biller') {
  const res = await t.as(org, role).get(`/api/charges?encounterId=${encounterId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Charge[]; nextCursor: string | null };
}

async function fee(org: TestOrg, body: Record<string, unknown>) {
  const res = await t.as(org, 'biller').post('/api/fee-schedule', body);
  expect(res.statusCode, res.body).toBe(201);
}

describe('charges from a signed encounter', () => {
  it('creates one charge per line, priced from the schedule in force on the date of service, the list fee, or needs_price', async () => {
    const org = await practice();
    // Visits are on 2026-03-03 (encounter-fixtures): last year's price has ended, this year's is in force.
    await fee(org, { code: '99213', amountCents: 14000, effectiveFrom: '2025-01-01', effectiveTo: '2025-12-31' });
    await fee(org, { code: '99213', amountCents: 16000, effectiveFrom: '2026-01-01' });
    await fee(org, { code: '99213', modifier: '25', amountCents: 16500, effectiveFrom: '2026-01-01' });
    await fee(org, { code: '96372', amountCents: 4200, effectiveFrom: '2026-04-01' });
    const { encounterId, patientId, dateOfService } = await signVisit(org, [
      { code: '99213', modifiers: ['25'], diagnosisPointers: [1, 2] },
      { code: '96372', units: 3, diagnosisPointers: [2] },
      { code: 'J1100', units: 4, diagnosisPointers: [1] },
    ]);
    expect(dateOfService).toBe('2026-03-03');
    const { items, nextCursor } = await chargesOf(org, encounterId);
    expect(nextCursor).toBeNull();
    expect(items).toEqual([
      expect.objectContaining({
        encounterId,
        patientId,
        procedureCode: '99213',
        modifiers: ['25'],
        units: 1,
        diagnosisPointers: [1, 2],
        diagnosisCodes: ['I10', 'E11.9'],
        unitPriceCents: 16500,
        amountCents: 16500,
        priceSource: 'fee_schedule',
        status: 'review',
        dateOfService: '2026-03-03',
      }),
      // The schedule's 96372 starts in April: the procedure list's 40.00 a unit prices it.
      expect.objectContaining({
        procedureCode: '96372',
        units: 3,
        unitPriceCents: 4000,
        amountCents: 12000,
        priceSource: 'procedure_list',
        status: 'review',
      }),
      // Nothing prices J1100: an explicit state for the biller, at 0.
      expect.objectContaining({
        procedureCode: 'J1100',
        units: 4,
        amountCents: 0,
        priceSource: 'none',
        status: 'needs_price',
        diagnosisCodes: ['I10'],
      }),
    ]);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['patient_id', 'details'])
      .where('organization_id', '=', org.id)
      .where('resource_type', '=', 'charge')
      .where('action', '=', 'create')
      .execute();
    expect(audit).toHaveLength(3);
    expect(audit.every((a) => a.patient_id === patientId)).toBe(true);

    // A second delivery of the same signature adds nothing.
    const again = await inTransaction(org.ctx, async (tx) =>
      emit(tx, encounterSigned, signedPayload(await loadEncounterFull(tx, encounterId))),
    );
    expect(again.find((r) => r.reaction === 'billing.charges-from-signed-encounter')?.result).toEqual([]);
    expect((await chargesOf(org, encounterId)).items).toHaveLength(3);
  });
});

describe('the review queue', () => {
  it('filters by status, patient and dates of service, pages by cursor, and shows the patient’s name', async () => {
    const org = await practice();
    const a = await signVisit(org, [
      { code: '99213', diagnosisPointers: [1] },
      { code: '36415', diagnosisPointers: [1] },
    ]);
    const b = await signVisit(org, [{ code: 'J1100', diagnosisPointers: [1] }]);
    const biller = t.as(org, 'biller');
    const review = (await biller.get('/api/charges?status=review')).json().items as Charge[];
    expect(review.map((c) => c.procedureCode).sort()).toEqual(['36415', '99213']);
    expect(review[0]?.patientName).toMatch(/^Test Patient/);
    expect((await biller.get('/api/charges?status=needs_price')).json().items.map((c: Charge) => c.encounterId)).toEqual([b.encounterId]);
    expect((await biller.get(`/api/charges?patientId=${a.patientId}`)).json().items).toHaveLength(2);
    expect((await biller.get('/api/charges?from=2026-03-04')).json().items).toEqual([]);
    expect((await biller.get('/api/charges?from=2026-03-03&to=2026-03-03')).json().items).toHaveLength(3);
    const first = (await biller.get('/api/charges?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const rest = (await biller.get(`/api/charges?limit=2&cursor=${first.nextCursor}`)).json();
    expect(rest).toMatchObject({ nextCursor: null });
    expect([...first.items, ...rest.items].map((c: Charge) => c.id).sort()).toHaveLength(3);
    expect((await biller.get('/api/charges?status=paid')).statusCode).toBe(400);
  });

  it('corrects with If-Match: re-priced from the schedule, a reason when the amount differs, audited before/after', async () => {
    const org = await practice();
    await fee(org, { code: '99214', amountCents: 21500, effectiveFrom: '2026-01-01' });
    const { encounterId } = await signVisit(org, [
      { code: '99213', diagnosisPointers: [1] },
      { code: 'J1100', units: 2, diagnosisPointers: [1] },
    ]);
    const [visit, drug] = (await chargesOf(org, encounterId)).items as [Charge, Charge];
    const biller = t.as(org, 'biller');
    const url = `/api/charges/${visit.id}`;
    expect((await biller.patch(url, { procedureCode: '99214' })).statusCode).toBe(428);
    // The level goes up: the schedule prices 99214, no reason needed.
    const up = await biller.patch(url, { procedureCode: '99214', diagnosisPointers: [1, 2] }, withVersion(1));
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json()).toMatchObject({ procedureCode: '99214', amountCents: 21500, diagnosisCodes: ['I10', 'E11.9'], version: 2 });
    expect(up.headers.etag).toBe('"2"');
    expect((await biller.patch(url, { units: 2 }, withVersion(1))).statusCode).toBe(412);
    // An amount off the schedule needs a reason, and changes nothing without one.
    const noReason = await biller.patch(url, { amountCents: 20000 }, withVersion(2));
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].path).toBe('reason');
    const discounted = await biller.patch(url, { amountCents: 20000, reason: 'Prompt-pay discount agreed' }, withVersion(2));
    expect(discounted.json()).toMatchObject({ amountCents: 20000, priceSource: 'manual', status: 'review' });
    const badPointer = await biller.patch(url, { diagnosisPointers: [3] }, withVersion(3));
    expect(badPointer.json().errors[0].path).toBe('diagnosisPointers');
    // Pricing the unpriced drug puts it in review.
    const priced = await biller.patch(`/api/charges/${drug.id}`, { amountCents: 1200, reason: 'Acquisition cost + 10%' }, withVersion(1));
    // A price set by hand is an amount for the line: no unit price (amount = unit price × units holds for the others).
    expect(priced.json()).toMatchObject({ status: 'review', amountCents: 1200, unitPriceCents: null, priceSource: 'manual', notice: null });

    const audit = await t.db
      .selectFrom('audit_events')
      .select(['patient_id', 'changes', 'details'])
      .where('organization_id', '=', org.id)
      .where('resource_type', '=', 'charge')
      .where('resource_id', '=', visit.id)
      .where('action', '=', 'update')
      .orderBy('seq')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit[0]?.patient_id).toBe(visit.patientId);
    expect(audit[0]?.changes).toMatchObject({
      procedure_code: { before: '99213', after: '99214' },
      amount_cents: { before: 15000, after: 21500 },
      diagnosis_pointers: { before: [1], after: [1, 2] },
    });
    expect(audit[1]?.changes).toMatchObject({ amount_cents: { before: 21500, after: 20000 } });
    expect(audit[1]?.details).toMatchObject({ edit: 'correct', reason: 'Prompt-pay discount agreed', scheduleCents: 21500 });
  });

  it('approves and voids: approved charges refuse edits (API 409 and the database), void is final, needs_price cannot be approved', async () => {
    const org = await practice();
    const { encounterId } = await signVisit(org, [
      { code: '99213', diagnosisPointers: [1] },
      { code: '36415', diagnosisPointers: [1] },
      { code: 'J1100', diagnosisPointers: [1] },
    ]);
    const [visit, draw, drug] = (await chargesOf(org, encounterId)).items as [Charge, Charge, Charge];
    const biller = t.as(org, 'biller');
    expect((await biller.post(`/api/charges/${drug.id}/approve`, undefined, withVersion(1))).statusCode).toBe(409);
    // Approving needs If-Match like a correction: 428 without, 412 with a stale version (and the charge as it is).
    expect((await biller.post(`/api/charges/${visit.id}/approve`)).statusCode).toBe(428);
    const stale = await biller.post(`/api/charges/${visit.id}/approve`, undefined, withVersion(7));
    expect(stale.statusCode).toBe(412);
    expect(stale.json().current).toMatchObject({ id: visit.id, status: 'review', version: 1 });
    const approved = await biller.post(`/api/charges/${visit.id}/approve`, undefined, withVersion(1));
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', version: 2 });
    const edit = await biller.patch(`/api/charges/${visit.id}`, { units: 2 }, withVersion(2));
    expect(edit.statusCode).toBe(409);
    await expect(t.db.updateTable('charges').set({ amount_cents: 1 }).where('id', '=', visit.id).execute()).rejects.toMatchObject({
      code: '23514',
    });
    await expect(t.db.deleteFrom('charges').where('id', '=', visit.id).execute()).rejects.toMatchObject({ code: '23514' });

    expect((await biller.post(`/api/charges/${draw.id}/void`, {}, withVersion(1))).statusCode).toBe(400);
    const reason = { reason: 'Drawn at the outside lab, not here' };
    expect((await biller.post(`/api/charges/${draw.id}/void`, reason)).statusCode).toBe(428);
    const staleVoid = await biller.post(`/api/charges/${draw.id}/void`, reason, withVersion(2));
    expect(staleVoid.statusCode).toBe(412);
    expect(staleVoid.json().current).toMatchObject({ id: draw.id, status: 'review', version: 1 });
    const voided = await biller.post(`/api/charges/${draw.id}/void`, reason, withVersion(1));
    expect(voided.json()).toMatchObject({ status: 'void', voidReason: 'Drawn at the outside lab, not here' });
    expect(voided.headers.etag).toBe('"2"');
    expect((await biller.post(`/api/charges/${draw.id}/void`, { reason: 'again' }, withVersion(2))).statusCode).toBe(409);
    expect((await biller.post(`/api/charges/${draw.id}/approve`, undefined, withVersion(2))).statusCode).toBe(409);
    await expect(t.db.updateTable('charges').set({ void_reason: 'changed' }).where('id', '=', draw.id).execute()).rejects.toMatchObject({
      code: '23514',
    });
    // An approved charge may still be voided (not yet claimed); nothing else about it changes.
    expect(
      (await biller.post(`/api/charges/${visit.id}/void`, { reason: 'Billed on the wrong visit' }, withVersion(2))).json().status,
    ).toBe('void');
    const transitions = await t.db
      .selectFrom('audit_events')
      .select(['resource_id', 'details'])
      .where('organization_id', '=', org.id)
      .where('resource_type', '=', 'charge')
      .where('action', '=', 'update')
      .orderBy('seq')
      .execute();
    expect(transitions.map((a) => (a.details as { edit: string }).edit)).toEqual(['approve', 'void', 'void']);
  });
});

describe('prices the database holds to', () => {
  it('keeps a manual price on a pointer fix, re-prices it with a notice when the code, modifiers or units change', async () => {
    const org = await practice();
    const { encounterId } = await signVisit(org, [{ code: '96372', units: 2, diagnosisPointers: [1] }]);
    const [shot] = (await chargesOf(org, encounterId)).items as [Charge];
    expect(shot).toMatchObject({ unitPriceCents: 4000, amountCents: 8000, priceSource: 'procedure_list' });
    const biller = t.as(org, 'biller');
    const url = `/api/charges/${shot.id}`;
    const manual = await biller.patch(url, { amountCents: 7001, reason: 'Contracted flat rate' }, withVersion(1));
    expect(manual.json()).toMatchObject({ amountCents: 7001, unitPriceCents: null, priceSource: 'manual', notice: null });
    // A pointer fix leaves the hand-set price alone (it used to go back to the schedule's 80.00).
    const pointers = await biller.patch(url, { diagnosisPointers: [2] }, withVersion(2));
    expect(pointers.statusCode, pointers.body).toBe(200);
    expect(pointers.json()).toMatchObject({ amountCents: 7001, priceSource: 'manual', diagnosisCodes: ['E11.9'], notice: null });
    // Units change what the price was for: the schedule prices it again, and the answer says so.
    const units = await biller.patch(url, { units: 3 }, withVersion(3));
    expect(units.json()).toMatchObject({ units: 3, amountCents: 12000, unitPriceCents: 4000, priceSource: 'procedure_list' });
    expect(units.json().notice).toMatch(/price set by hand \(\$70\.01\) was replaced by the schedule's \$120\.00/);
    // Resending the same units with the same schedule price is not a manual price.
    const same = await biller.patch(url, { units: 3, amountCents: 12000 }, withVersion(4));
    expect(same.json()).toMatchObject({ priceSource: 'procedure_list', unitPriceCents: 4000, notice: null });
  });

  it('holds amount = unit price × units, and status to price source, in the database', async () => {
    const org = await practice();
    const { encounterId } = await signVisit(org, [
      { code: '96372', units: 2, diagnosisPointers: [1] },
      { code: 'J1100', diagnosisPointers: [1] },
    ]);
    const [shot, drug] = (await chargesOf(org, encounterId)).items as [Charge, Charge];
    const refused = { code: '23514' };
    // A unit price that does not make the amount, or a manual price that keeps a unit price.
    await expect(t.db.updateTable('charges').set({ amount_cents: 8001 }).where('id', '=', shot.id).execute()).rejects.toMatchObject(
      refused,
    );
    await expect(
      t.db.updateTable('charges').set({ price_source: 'manual', amount_cents: 7001 }).where('id', '=', shot.id).execute(),
    ).rejects.toMatchObject(refused);
    await expect(t.db.updateTable('charges').set({ unit_price_cents: null }).where('id', '=', shot.id).execute()).rejects.toMatchObject(
      refused,
    );
    // A priced charge is never needs_price, and an unpriced one never in review or approved.
    await expect(t.db.updateTable('charges').set({ status: 'needs_price' }).where('id', '=', shot.id).execute()).rejects.toMatchObject(
      refused,
    );
    await expect(t.db.updateTable('charges').set({ status: 'review' }).where('id', '=', drug.id).execute()).rejects.toMatchObject(refused);
    await expect(
      t.db.updateTable('charges').set({ status: 'approved', approved_at: new Date() }).where('id', '=', drug.id).execute(),
    ).rejects.toMatchObject(refused);
    // Voiding an unpriced charge stays allowed.
    expect((await t.as(org, 'biller').post(`/api/charges/${drug.id}/void`, { reason: 'Not given' }, withVersion(1))).statusCode).toBe(200);
  });

  it('refuses absurd fees by field, and a fee × units beyond the largest charge becomes needs_price, never a 500', async () => {
    const org = await practice();
    const biller = t.as(org, 'biller');
    // More than $100,000.00 a unit: 400 naming the field, in the schedule, a contract, the procedure list and both CSVs.
    const tooMuch = await biller.post('/api/fee-schedule', { code: '99213', amountCents: 10_000_001, effectiveFrom: '2026-01-01' });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().errors).toEqual([{ path: 'amountCents', message: expect.stringMatching(/at most \$100,000\.00/) }]);
    const proc = await t
      .as(org, 'admin')
      .post('/api/procedures', { code: '99499', description: 'Unlisted E/M', defaultFeeCents: 99_999_999 });
    expect(proc.statusCode).toBe(400);
    expect(proc.json().errors[0].path).toBe('defaultFeeCents');
    const file = await t.app.inject({
      method: 'POST',
      url: '/api/fee-schedule/import',
      headers: { authorization: `Bearer ${org.users.biller.token}`, 'content-type': 'text/csv' },
      payload: 'code,modifier,amount,effective_from,effective_to\n99213,,150000.00,2026-01-01,\n',
    });
    expect(file.statusCode, file.body).toBe(400);
    expect(file.json().errors).toEqual([{ path: 'rows.2.amount', message: expect.stringMatching(/more than \$100,000\.00/) }]);
    // The largest fee allowed, 999 units of it: more than the charge column holds. Signing still works; the biller prices it.
    await fee(org, { code: '96372', amountCents: 10_000_000, effectiveFrom: '2026-01-01' });
    const { encounterId } = await signVisit(org, [
      { code: '99213', diagnosisPointers: [1] },
      { code: '96372', units: 999, diagnosisPointers: [1] },
    ]);
    const [, huge] = (await chargesOf(org, encounterId)).items as [Charge, Charge];
    expect(huge).toMatchObject({ units: 999, amountCents: 0, unitPriceCents: 0, priceSource: 'none', status: 'needs_price' });
    // A correction that would overflow: 400 naming units; a small count prices normally.
    const over = await biller.patch(`/api/charges/${huge.id}`, { units: 11 }, withVersion(1));
    expect(over.statusCode, over.body).toBe(400);
    expect(over.json().errors[0].path).toBe('units');
    const ok = await biller.patch(`/api/charges/${huge.id}`, { units: 10 }, withVersion(1));
    expect(ok.json()).toMatchObject({ amountCents: 100_000_000, status: 'review', priceSource: 'fee_schedule' });
    const manual = await biller.patch(`/api/charges/${huge.id}`, { amountCents: 100_000_001, reason: 'x' }, withVersion(2));
    expect(manual.statusCode).toBe(400);
    expect(manual.json().errors[0].path).toBe('amountCents');
  });
});

describe('a patient merge', () => {
  it('moves the duplicate’s charges to the survivor, approved ones too (the lock lets patient_id change only)', async () => {
    const org = await practice();
    const survivor = await newPatient(t.db, org);
    const dup = await newPatient(t.db, org);
    const { encounterId } = await signVisit(org, [{ code: '99213', diagnosisPointers: [1] }], { patientId: dup });
    const [charge] = (await chargesOf(org, encounterId)).items as [Charge];
    expect((await t.as(org, 'biller').post(`/api/charges/${charge.id}/approve`, undefined, withVersion(1))).statusCode).toBe(200);
    const merged = await t.as(org, 'office_manager').post('/api/patients/merge', { survivorId: survivor, mergedId: dup });
    expect(merged.statusCode, merged.body).toBe(200);
    const [moved] = (await chargesOf(org, encounterId)).items as [Charge];
    expect(moved).toMatchObject({ id: charge.id, patientId: survivor, status: 'approved', amountCents: charge.amountCents });
  });
});

describe('who sees charges', () => {
  it('front desk and clinicians 403; another practice’s charge 404; a restricted patient’s charges only for the care team', async () => {
    const org = await practice();
    const { encounterId } = await signVisit(org, [{ code: '99213', diagnosisPointers: [1] }]);
    const [charge] = (await chargesOf(org, encounterId)).items as [Charge];
    for (const role of ['front_desk', 'clinician', 'nurse'] as const) {
      expect((await t.as(org, role).get(`/api/charges?encounterId=${encounterId}`)).statusCode, role).toBe(403);
      expect((await t.as(org, role).post(`/api/charges/${charge.id}/approve`)).statusCode, role).toBe(403);
    }

    const other = await practice();
    const theirs = t.as(other, 'biller');
    expect((await theirs.get(`/api/charges?encounterId=${encounterId}`)).json().items).toEqual([]);
    expect((await theirs.patch(`/api/charges/${charge.id}`, { units: 2 }, withVersion(1))).statusCode).toBe(404);
    expect((await theirs.post(`/api/charges/${charge.id}/approve`, undefined, withVersion(1))).statusCode).toBe(404);
    expect((await theirs.post(`/api/charges/${charge.id}/void`, { reason: 'x' }, withVersion(1))).statusCode).toBe(404);

    // A restricted patient whose primary provider is the signing clinician's.
    const secret = await newPatient(t.db, org, { restricted: true });
    await t.db.updateTable('patients').set({ primary_provider_id: org.providerId }).where('id', '=', secret).execute();
    const hidden = await signVisit(org, [{ code: '99213', diagnosisPointers: [1] }], { patientId: secret });
    expect((await chargesOf(org, hidden.encounterId)).items).toEqual([]);
    const all = await t.db.selectFrom('charges').select('id').where('encounter_id', '=', hidden.encounterId).executeTakeFirstOrThrow();
    expect((await t.as(org, 'biller').post(`/api/charges/${all.id}/approve`, undefined, withVersion(1))).statusCode).toBe(404);
    expect((await t.as(org, 'biller').patch(`/api/charges/${all.id}`, { units: 2 }, withVersion(1))).statusCode).toBe(404);
    await t.db
      .insertInto('patient_care_team')
      .values({ organization_id: org.id, patient_id: secret, user_id: org.users.biller.id })
      .execute();
    expect((await chargesOf(org, hidden.encounterId)).items.map((c) => c.id)).toEqual([all.id]);
    expect((await t.as(org, 'biller').post(`/api/charges/${all.id}/approve`, undefined, withVersion(1))).statusCode).toBe(200);
    // The listing is audited per patient shown.
    const reads = await t.db
      .selectFrom('audit_events')
      .select('patient_id')
      .where('organization_id', '=', org.id)
      .where('resource_type', '=', 'charge')
      .where('action', '=', 'search')
      .where('patient_id', '=', secret)
      .execute();
    expect(reads.length).toBeGreaterThan(0);
  });
});
