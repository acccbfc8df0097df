/**
 * The biller's day in the demo practice, in Chromium: approve a charge from the review queue,
 * turn a signed visit into a claim, scrub it until it is ready, put ready claims in a batch and
 * download its 837P (read back as X12). axe finds nothing serious on the pages, the CSP holds.
 */
import { build835, parse837P } from '@x12/index.ts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './helpers/axe.ts';
import { expectQuietConsole, fileSession, getJson, openAs } from './helpers/session.ts';

const session = fileSession();

const nav = (page: Page) => page.getByRole('navigation', { name: 'Modules' });

async function axe(page: Page): Promise<string[]> {
  await page.mouse.move(1390, 990);
  return seriousViolations(page);
}

interface Charge {
  id: string;
  encounterId: string;
  patientId: string;
  dateOfService: string;
  status: string;
  patientName: string;
  procedureCode: string;
}
interface Coverage {
  priority: string;
  effectiveDate: string;
  terminationDate: string | null;
}
interface Claim {
  id: string;
  status: string;
  patientControlNumber: string;
  totalChargeCents: number;
}

describe('billing', () => {
  it('a biller approves a charge, claims a visit, scrubs it, sends a batch as an 837P and posts the payer ERA: the claims are paid', async () => {
    const { context, page, watch } = await openAs(session, 'biller@demo.clinicdesk.dev', { width: 1400, height: 1000 });

    // Charge review: the demo's charges wait; approve one by its button.
    await nav(page).getByRole('link', { name: 'Charge review' }).click();
    const rows = page.getByTestId('charge-row');
    await rows.first().waitFor();
    expect(await axe(page)).toEqual([]);
    // Keyboard: ↓ selects and focuses the next row, Enter opens its correction dialog, Escape closes it.
    await rows.first().focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => rows.nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await rows.nth(1).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await rows.first().getAttribute('tabindex')).toBe('-1');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Correct charge' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Correct charge' }).waitFor({ state: 'hidden' });
    // A charge of an insured visit (primary coverage in force on the date of service).
    const review = await getJson<{ items: Charge[] }>(page, '/api/charges?status=review&limit=200');
    let charge: Charge | undefined;
    for (const c of review.items) {
      const coverages = await getJson<{ items: Coverage[] }>(page, `/api/patients/${c.patientId}/coverages`);
      const insured = coverages.items.some(
        (v) =>
          v.priority === 'primary' &&
          v.effectiveDate <= c.dateOfService &&
          (v.terminationDate === null || v.terminationDate >= c.dateOfService),
      );
      if (insured) {
        charge = c;
        break;
      }
    }
    if (!charge) throw new Error('the demo has no charge in review for an insured visit');
    await page
      .getByRole('button', { name: new RegExp(`^Approve ${charge.procedureCode}.* for ${escapeRegExp(charge.patientName)}$`) })
      .first()
      .click();
    await expect
      .poll(async () =>
        (await getJson<{ items: Charge[] }>(page, `/api/charges?encounterId=${charge.encounterId}`)).items.map((c) => c.status),
      )
      .toContain('approved');
    // The visit's other charges too (a claim bills every line, all approved); approving needs If-Match.
    for (const other of (await getJson<{ items: (Charge & { version: number })[] }>(page, `/api/charges?encounterId=${charge.encounterId}`))
      .items) {
      if (other.status === 'review')
        expect(
          (
            await page.request.post(`/api/charges/${other.id}/approve`, {
              headers: { 'x-clinicdesk-csrf': '1', 'if-match': `"${other.version}"` },
            })
          ).status(),
        ).toBe(200);
    }

    // Claims: a signed visit with approved charges becomes a claim.
    await nav(page).getByRole('link', { name: 'Claims' }).click();
    await page.getByRole('heading', { name: 'Claims', level: 1 }).waitFor();
    expect(await axe(page)).toEqual([]);
    const candidates = await getJson<{ items: { encounterId: string }[] }>(page, '/api/claims/candidates');
    expect(candidates.items.length).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Create claim' }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByRole('button', { name: new RegExp(`^Create the claim for ${escapeRegExp(charge.patientName)}, seen `) })
      .first()
      .click();
    await page.waitForURL(/\/billing\/claims\/[0-9a-f-]{36}$/);
    const claimId = new URL(page.url()).pathname.split('/').pop() as string;
    await page.getByRole('heading', { name: /^Claim C\d+/, level: 1 }).waitFor();
    expect(await axe(page)).toEqual([]);

    // Scrub: the demo data is complete, so the claim becomes ready (or names what is missing).
    await page.getByRole('button', { name: 'Scrub' }).click();
    // Until the scrub is on record (a new claim is a draft before it too).
    await expect
      .poll(async () => (await getJson<Claim & { scrub: unknown }>(page, `/api/claims/${claimId}`)).scrub !== null, { timeout: 15_000 })
      .toBe(true);
    const scrubbed = await getJson<Claim & { scrub: { errors: { rule: string }[] } | null }>(page, `/api/claims/${claimId}`);
    expect(scrubbed.status).toMatch(/^(ready|draft)$/);
    if (scrubbed.status === 'draft') expect(scrubbed.scrub?.errors.length).toBeGreaterThan(0);
    await page
      .getByRole('list', { name: 'Timeline' })
      .getByText(/Ready|Draft|Created/)
      .first()
      .waitFor();

    // Batch: every ready claim, one 837P, downloaded and read back.
    await page.getByRole('link', { name: '← All claims' }).click();
    await page.getByRole('tab', { name: 'Ready' }).click();
    const ready = await getJson<{ items: Claim[] }>(page, '/api/claims?status=ready&limit=200');
    expect(ready.items.length).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Pick all' }).click();
    const built = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/claim-batches' && r.request().method() === 'POST');
    await page.getByRole('button', { name: /^Create batch/ }).click();
    const batch = (await (await built).json()) as { id: string; interchangeControlNumber: string | number };
    expect((await built).status()).toBe(201);
    const download = page.getByRole('link', { name: `Download 837 of batch ${batch.interchangeControlNumber}` });
    await download.waitFor();
    const href = (await download.getAttribute('href')) as string;
    expect(href).toBe(`/api/claim-batches/${batch.id}/837`);
    const file = await page.request.get(href);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('application/edi-x12');
    const parsed = parse837P(await file.text());
    const controls = parsed.batch.claims.map((c) => c.patientControlNumber).sort();
    expect(controls).toEqual(ready.items.map((c) => c.patientControlNumber).sort());
    for (const c of ready.items) expect((await getJson<Claim>(page, `/api/claims/${c.id}`)).status).toBe('submitted');

    // The payer's ERA pays every claim of the batch in full: pasted on the ERA import page, posted, the claims paid.
    const era = build835(
      {
        sender: { id: 'PAYER' },
        receiver: { id: 'PRACTICE' },
        payment: { amountCents: parsed.batch.claims.reduce((s, c) => s + c.totalChargeCents, 0), date: '2026-04-01' },
        traceNumber: `E2E${Date.now()}`,
        payer: { name: 'DEMO PAYER', id: '12345' },
        payee: { name: 'DEMO PRACTICE', npi: '1234567893' },
        claims: parsed.batch.claims.map((c) => ({
          patientControlNumber: c.patientControlNumber,
          statusCode: '1',
          chargeCents: c.totalChargeCents,
          paidCents: c.totalChargeCents,
          patientResponsibilityCents: 0,
          payerClaimControlNumber: `P${c.patientControlNumber}`,
          adjustments: [],
          lines: c.lines.map((l) => ({
            procedureCode: l.procedureCode,
            modifiers: l.modifiers,
            chargeCents: l.chargeCents,
            paidCents: l.chargeCents,
            units: l.units,
            adjustments: [],
            remarkCodes: [],
          })),
        })),
      },
      { controlNumbers: { interchange: 1, group: 1, transactions: [1] }, usageIndicator: 'T', date: '2026-04-01', time: '1200' },
    );
    await page.goto(`${session.server.url}/billing/era`);
    await page.getByRole('heading', { name: 'ERA import', level: 1 }).waitFor();
    await page.getByLabel('X12 file (835, 999 or 277CA)').fill(era);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: 'Posting summary' }).waitFor();
    await page.getByText(`${ready.items.length} claim(s) posted, 0 already posted, 0 unmatched`).waitFor();
    expect(await axe(page)).toEqual([]);
    for (const c of ready.items) expect((await getJson<Claim>(page, `/api/claims/${c.id}`)).status).toBe('paid');
    await page.goto(`${session.server.url}/billing/claims/${ready.items[0]?.id}`);
    await page.getByRole('heading', { name: /^Claim C\d+/, level: 1 }).waitFor();
    await page.getByRole('list', { name: 'Timeline' }).getByText(/Paid/).first().waitFor();

    expectQuietConsole(watch);
    await context.close();
  });
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
