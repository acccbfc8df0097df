/**
 * The CMS-1500 (02/12) paper claim: read back by pdfjs (an independent reader), every value is
 * in its box (positions on the form's 10-cpi / 6-lpi grid): NPI in 33a, the patient control
 * number in 26, codes in 21 and 24, the total in 28. Seven lines print on two forms with the
 * total on the last. `pdftoppm` renders page 1; the PNG is kept in
 * `$TMPDIR/clinicdesk-cms1500/` (its path is printed) for a person to look at. Printing is
 * audited; another practice's claim is 404, front desk 403.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  BILLING_NPI,
  billablePatient,
  billingPractice,
  readyClaim,
  signedVisit,
  temporaryClaimsOutbox,
} from '../helpers/claim-fixtures.ts';
import { type PdfTextItem, pdfText, pdfTextItems } from '../helpers/pdf-text.ts';
import { createTestApp } from '../helpers/test-app.ts';

temporaryClaimsOutbox();
const t = await createTestApp();
const OUT = path.join(os.tmpdir(), 'clinicdesk-cms1500');
fs.mkdirSync(OUT, { recursive: true });

const REFERRING_NPI = '1245319599';

/** The one item reading `str` on `page` (fails when absent or printed twice). */
function item(items: PdfTextItem[], str: string, page = 1): PdfTextItem {
  const found = items.filter((i) => i.page === page && i.str.trim() === str);
  expect(
    found.map((i) => i.str),
    `"${str}" once on page ${page}`,
  ).toHaveLength(1);
  return found[0] as PdfTextItem;
}
/** Print position of an item: column (10 per inch from 0.25 in) and line (6 per inch from 0.25 in). */
const col = (i: PdfTextItem) => Math.round((i.x - 18) / 7.2) + 1;
const line = (i: PdfTextItem) => Math.floor((i.y - 18) / 12) + 1;

/** The items on print line `ln` showing `cents` as dollars (with or without the cents beside them: the form splits them). */
function amountAt(items: PdfTextItem[], cents: number, ln: number, page = 1): PdfTextItem[] {
  const dollars = String(Math.trunc(cents / 100));
  const rest = String(cents % 100).padStart(2, '0');
  return items.filter((i) => i.page === page && line(i) === ln && (i.str === dollars || i.str === `${dollars} ${rest}`));
}

async function claimWithReferral(p: Awaited<ReturnType<typeof billingPractice>>, lines = 2, phones?: { type: string; number: string }[]) {
  const { patientId } = await billablePatient(t, p);
  if (phones)
    await t.db
      .updateTable('patients')
      .set({ phones: JSON.stringify(phones) })
      .where('id', '=', patientId)
      .execute();
  const procedures = Array.from({ length: lines }, (_, i) =>
    i === 0
      ? { code: '99213', modifiers: ['25'], diagnosisPointers: [1, 2] }
      : i === 1
        ? { code: '36415', diagnosisPointers: [1] }
        : { code: '96372', units: i, diagnosisPointers: [2] },
  );
  const { encounterId } = await signedVisit(t, p.org, patientId, procedures);
  const res = await t.as(p.org, 'biller').post('/api/claims', {
    encounterId,
    priorAuthorization: 'PA77881',
    referringProvider: { givenName: 'Rita', familyName: 'Referral', npi: REFERRING_NPI },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as {
    id: string;
    patientControlNumber: string;
    totalChargeCents: number;
    patientId: string;
    lines: { chargeCents: number }[];
  };
}

describe('CMS-1500 PDF', () => {
  it('places the values in their boxes and renders to a PNG a person can look at', async () => {
    const p = await billingPractice(t);
    await t.db
      .updateTable('payers')
      .set({ address: JSON.stringify({ line1: 'PO Box 4000', city: 'Hartford', state: 'CT', postalCode: '06101' }) })
      .where('id', '=', p.payerId)
      .execute();
    await t.db.updateTable('locations').set({ phone: '+13035550142' }).where('organization_id', '=', p.org.id).execute();
    // Box 5 shows the home phone (before the mobile one), kept in the claim's snapshot.
    const claim = await claimWithReferral(p, 2, [
      { type: 'mobile', number: '+13035550100' },
      { type: 'home', number: '+17205550199' },
    ]);
    const res = await t.as(p.org, 'biller').get(`/api/claims/${claim.id}/cms1500.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    const items = await pdfTextItems(pdf);
    expect(items[0]?.pageWidth).toBe(612);
    expect(new Set(items.map((i) => i.page))).toEqual(new Set([1]));

    // Payer block top right (lines 1-3, from column 50).
    // The payer's name twice: the address block (line 1) and 11c (line 24).
    const payer = items.filter((i) => i.str === 'ACME HEALTH');
    expect(payer.map((i) => [line(i), col(i)])).toEqual([
      [1, 50],
      [24, 50],
    ]);
    expect(line(item(items, 'HARTFORD, CT 06101'))).toBe(3);
    // 1a insured's ID, 26 patient control number, 25 TIN, 33a billing NPI, 17b referring NPI.
    const memberId = items.find((i) => i.str.startsWith('MEM')) as PdfTextItem;
    expect([line(memberId), col(memberId)]).toEqual([8, 50]);
    const pcn = item(items, claim.patientControlNumber);
    expect([line(pcn), col(pcn)]).toEqual([54, 23]);
    const tin = item(items, '840123456');
    expect([line(tin), col(tin)]).toEqual([54, 1]);
    // The billing NPI twice: 32a (the facility is the location) and 33a.
    const npis = items.filter((i) => i.page === 1 && i.str === BILLING_NPI);
    expect(npis.map((i) => [line(i), col(i)])).toEqual([
      [59, 25],
      [59, 54],
    ]);
    // 5 the patient's phone (area code, then the number) and 7 the same (the patient is the insured),
    // 33 the practice phone on its title line.
    const at = (str: string) => items.filter((i) => i.page === 1 && i.str === str).map((i) => [line(i), col(i)]);
    expect(at('720')).toEqual([
      [16, 15],
      [16, 66],
    ]);
    expect(at('5550199')).toEqual([
      [16, 19],
      [16, 70],
    ]);
    const area33 = item(items, '303');
    const number33 = item(items, '5550142');
    expect([line(area33), col(area33), line(number33), col(number33)]).toEqual([55, 69, 55, 73]);
    const ref = item(items, REFERRING_NPI);
    expect([line(ref), col(ref)]).toEqual([33, 34]);
    expect(line(item(items, 'RITA REFERRAL'))).toBe(33);
    // 21: ICD indicator 0, A = I10, B = E119 (no decimal point).
    const ind = item(items, '0');
    expect([line(ind), col(ind)]).toEqual([36, 46]);
    const a = item(items, 'I10');
    const b = item(items, 'E119');
    expect([line(a), col(a), line(b), col(b)]).toEqual([37, 3, 37, 15]);
    // 23 prior authorization.
    expect(line(item(items, 'PA77881'))).toBe(39);
    // 24 line 1 (print line 42): 99213 25, pointers AB; line 2 (44): 36415, pointer A, 1 unit.
    const cpt1 = item(items, '99213');
    const cpt2 = item(items, '36415');
    expect([line(cpt1), col(cpt1), line(cpt2), col(cpt2)]).toEqual([42, 25, 44, 25]);
    const mod = item(items, '25');
    expect([line(mod), col(mod)]).toEqual([42, 32]);
    expect(line(item(items, 'AB'))).toBe(42);
    // 24F dollars end at column 56, cents from 57; 28 total (dollars and cents) on line 54.
    const [first, second] = claim.lines;
    const l1 = amountAt(items, first?.chargeCents ?? 0, 42);
    expect(l1).toHaveLength(1);
    expect(col(l1[0] as PdfTextItem)).toBeGreaterThanOrEqual(50);
    expect(col(l1[0] as PdfTextItem)).toBeLessThan(57);
    expect(amountAt(items, second?.chargeCents ?? 0, 44)).toHaveLength(1);
    expect((first?.chargeCents ?? 0) + (second?.chargeCents ?? 0)).toBe(claim.totalChargeCents);
    const total = amountAt(items, claim.totalChargeCents, 54);
    expect(total).toHaveLength(1);
    expect(col(total[0] as PdfTextItem)).toBeGreaterThanOrEqual(50);
    expect(col(total[0] as PdfTextItem)).toBeLessThan(59);
    // 24J: the rendering provider's NPI on both service lines.
    const rendering = items.filter((i) => col(i) === 69 && /^\d{10}$/.test(i.str));
    expect(rendering.map(line)).toEqual([42, 44]);
    // The form itself: box titles are there.
    const text = await pdfText(pdf);
    expect(text).toContain('HEALTH INSURANCE CLAIM FORM');
    expect(text).toContain("26. PATIENT'S ACCOUNT NO.");
    expect(text).toContain('33. BILLING PROVIDER INFO & PH #');

    // Page 1 as a PNG (poppler): letter size at 100 dpi, far from blank.
    const pdfFile = path.join(OUT, 'cms1500.pdf');
    fs.writeFileSync(pdfFile, pdf);
    execFileSync('pdftoppm', ['-png', '-r', '100', '-f', '1', '-l', '1', '-singlefile', pdfFile, path.join(OUT, 'cms1500')]);
    const png = path.join(OUT, 'cms1500.png');
    const meta = await sharp(png).metadata();
    expect([meta.width, meta.height]).toEqual([850, 1100]);
    expect(fs.statSync(png).size).toBeGreaterThan(60_000);
    const stats = await sharp(png).stats();
    // Red-ish form lines: the red channel is brighter than green on average, and the page is not empty.
    const [r, g] = stats.channels;
    expect((r?.mean ?? 0) - (g?.mean ?? 0)).toBeGreaterThan(1);
    expect(g?.min).toBeLessThan(100);
    console.info(`CMS-1500 page 1 rendered to ${png}`);

    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'patient_id', 'details'])
      .where('organization_id', '=', p.org.id)
      .where('resource_type', '=', 'claim')
      .where('resource_id', '=', claim.id)
      .where('action', '=', 'print')
      .execute();
    expect(audit).toEqual([{ action: 'print', patient_id: claim.patientId, details: { form: 'form' } }]);
  });

  it('prints the data alone for pre-printed forms, and seven lines on two forms with the total on the last', async () => {
    const p = await billingPractice(t);
    const claim = await claimWithReferral(p, 7);
    // A claim built before the snapshot kept phones and the facility NPI prints as before, 32a from the billing NPI.
    await t.db
      .updateTable('claim_snapshots')
      .set({ snapshot: sql`snapshot #- '{serviceFacility,npi}' #- '{patient,phone}' #- '{billingProvider,phone}'` })
      .where('claim_id', '=', claim.id)
      .execute();
    const res = await t.as(p.org, 'biller').get(`/api/claims/${claim.id}/cms1500.pdf?form=data-only`);
    expect(res.statusCode, res.body).toBe(200);
    const items = await pdfTextItems(res.rawPayload);
    expect(items.filter((i) => i.page === 1 && i.str === BILLING_NPI).map((i) => [line(i), col(i)])).toEqual([
      [59, 25],
      [59, 54],
    ]);
    expect(items.some((i) => line(i) === 16 && /^\d{7}$/.test(i.str))).toBe(false);
    expect(items.some((i) => i.str.includes("PATIENT'S"))).toBe(false);
    expect(items.some((i) => i.str.includes('HEALTH INSURANCE CLAIM FORM'))).toBe(false);
    expect(new Set(items.map((i) => i.page))).toEqual(new Set([1, 2]));
    // Six service lines on the first form, the seventh on the second; the claim (26) on both.
    const codes = (page: number) => items.filter((i) => i.page === page && ['99213', '36415', '96372'].includes(i.str));
    expect(codes(1).map(line)).toEqual([42, 44, 46, 48, 50, 52]);
    expect(codes(2).map((i) => [line(i), i.str])).toEqual([[42, '96372']]);
    expect(line(item(items, claim.patientControlNumber, 1))).toBe(54);
    expect(line(item(items, claim.patientControlNumber, 2))).toBe(54);
    expect(amountAt(items, claim.totalChargeCents, 54, 2)).toHaveLength(1);
    expect(amountAt(items, claim.totalChargeCents, 54, 1)).toHaveLength(0);
    expect(item(items, 'PAGE 2 OF 2', 2)).toBeTruthy();
    const bad = await t.as(p.org, 'biller').get(`/api/claims/${claim.id}/cms1500.pdf?form=sideways`);
    expect(bad.statusCode).toBe(400);
  });

  it("answers 404 for another practice's claim and 403 to the front desk", async () => {
    const mine = await billingPractice(t);
    const theirs = await billingPractice(t);
    const foreign = await readyClaim(t, theirs);
    expect((await t.as(mine.org, 'biller').get(`/api/claims/${foreign.id}/cms1500.pdf`)).statusCode).toBe(404);
    expect((await t.as(theirs.org, 'front_desk').get(`/api/claims/${foreign.id}/cms1500.pdf`)).statusCode).toBe(403);
    const printed = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('resource_id', '=', foreign.id)
      .where('action', '=', 'print')
      .execute();
    expect(printed).toEqual([]);
  });
});
