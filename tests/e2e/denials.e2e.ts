/**
 * The biller's denial queue in Chromium, on the demo practice: two submitted claims come back
 * denied in an 835 (posted through the API, as a clearinghouse file would be); the queue lists
 * them (filtered by reason), ↓ and Enter open a claim, one is written off with a reason (closed),
 * the other replaced (a frequency 7 draft to correct); the appeal letter downloads as a PDF.
 * axe finds nothing serious, the CSP holds.
 */
import { build835 } from '@x12/index.ts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './helpers/axe.ts';
import { expectQuietConsole, fileSession, getJson, openAs } from './helpers/session.ts';

const session = fileSession();

const CSRF = { 'x-clinicdesk-csrf': '1' };
const nav = (page: Page) => page.getByRole('navigation', { name: 'Modules' });

async function axe(page: Page): Promise<string[]> {
  await page.mouse.move(1390, 990);
  return seriousViolations(page);
}

interface Claim {
  id: string;
  status: string;
  patientControlNumber: string;
  frequencyCode: string;
  replacesClaimId: string | null;
  totalChargeCents: number;
  lines: { procedureCode: string; modifiers: string[]; units: number; chargeCents: number }[];
}

/** Two claims of the demo the payer has: submitted ones, or ready ones sent in a batch now. */
async function submittedClaims(page: Page): Promise<Claim[]> {
  let submitted = (await getJson<{ items: Claim[] }>(page, '/api/claims?status=submitted&limit=200')).items;
  if (submitted.length < 2) {
    const ready = (await getJson<{ items: Claim[] }>(page, '/api/claims?status=ready&limit=200')).items;
    expect(ready.length + submitted.length, 'the demo has claims to submit').toBeGreaterThanOrEqual(2);
    const res = await page.request.post('/api/claim-batches', { headers: CSRF, data: { claimIds: ready.map((c) => c.id) } });
    expect(res.status(), await res.text()).toBe(201);
    submitted = (await getJson<{ items: Claim[] }>(page, '/api/claims?status=submitted&limit=200')).items;
  }
  return Promise.all(submitted.slice(0, 2).map((c) => getJson<Claim>(page, `/api/claims/${c.id}`)));
}

/** An 835 denying each claim whole: every line CO-50 (not medically necessary). */
function denial835(claims: Claim[], trace: string): string {
  const now = new Date().toISOString();
  return build835(
    {
      sender: { id: 'PAYER' },
      receiver: { id: 'CLINICDESK' },
      payment: { amountCents: 0, creditDebit: 'C', method: 'NON', date: now.slice(0, 10) },
      traceNumber: trace,
      payer: { name: 'Demo payer', id: '60054' },
      payee: { name: 'Demo practice', npi: '1234567893' },
      claims: claims.map((c, i) => ({
        patientControlNumber: c.patientControlNumber,
        statusCode: '4',
        chargeCents: c.totalChargeCents,
        paidCents: 0,
        patientResponsibilityCents: 0,
        payerClaimControlNumber: `DENY${trace}${i}`,
        adjustments: [],
        lines: c.lines.map((l) => ({
          procedureCode: l.procedureCode,
          modifiers: l.modifiers,
          chargeCents: l.chargeCents,
          paidCents: 0,
          units: l.units,
          adjustments: [{ group: 'CO', reasonCode: '50', amountCents: l.chargeCents }],
          remarkCodes: [],
        })),
      })),
    },
    {
      controlNumbers: { interchange: 424242, group: 424242, transactions: [1] },
      usageIndicator: 'T',
      date: now.slice(0, 10),
      time: now.slice(11, 13) + now.slice(14, 16),
    },
  );
}

describe('denials', () => {
  it('a biller works the denial queue: writes one claim off, replaces another as a draft, prints an appeal', async () => {
    const { context, page, watch } = await openAs(session, 'biller@demo.clinicdesk.dev', { width: 1400, height: 1000 });

    const [first, second] = await submittedClaims(page);
    if (!first || !second) throw new Error('two submitted claims expected');
    const posted = await page.request.post('/api/remittances', {
      headers: { ...CSRF, 'content-type': 'application/edi-x12' },
      data: denial835([first, second], String(Date.now())),
    });
    expect(posted.status(), await posted.text()).toBe(201);
    for (const c of [first, second]) expect((await getJson<Claim>(page, `/api/claims/${c.id}`)).status).toBe('denied');

    // The queue, filtered by the reason: both claims, each line with CO-50.
    await nav(page).getByRole('link', { name: 'Denials' }).click();
    await page.getByRole('heading', { name: 'Denials', level: 1 }).waitFor();
    await page.getByRole('textbox', { name: 'Reason code' }).fill('50');
    const rows = page.getByTestId('denial-row');
    await rows.filter({ hasText: first.patientControlNumber }).first().waitFor();
    await rows.filter({ hasText: second.patientControlNumber }).first().waitFor();
    expect(await rows.filter({ hasText: 'CO-50' }).count()).toBe(await rows.count());
    expect(await axe(page)).toEqual([]);

    // Keyboard: select the first claim's row (↑/↓), Enter opens the claim.
    await rows.first().focus();
    const index = await rows.evaluateAll((els, pcn) => els.findIndex((e) => e.textContent?.includes(pcn)), first.patientControlNumber);
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/billing/claims/${first.id}$`));
    await page.getByRole('heading', { name: new RegExp(`^Claim ${first.patientControlNumber}`), level: 1 }).waitFor();
    expect(await axe(page)).toEqual([]);

    // The appeal letter downloads as a PDF.
    await page.getByRole('button', { name: 'Appeal letter…' }).click();
    await page.getByRole('textbox', { name: 'Your paragraph' }).fill('The visit was medically necessary.');
    const href = (await page.getByTestId('appeal-letter-link').getAttribute('href')) as string;
    expect(href).toContain(`/api/claims/${first.id}/appeal-letter.pdf?paragraph=`);
    const pdf = await page.request.get(href);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    await page.keyboard.press('Escape');

    // Write off: the claim closes with the reason on its timeline.
    await page.getByRole('button', { name: 'Write off…' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: 'Reason' }).fill('Not worth an appeal');
    await page.getByRole('dialog').getByRole('button', { name: 'Write off' }).click();
    await expect.poll(async () => (await getJson<Claim>(page, `/api/claims/${first.id}`)).status).toBe('closed');
    await page
      .getByRole('list', { name: 'Timeline' })
      .getByText(/Not worth an appeal/)
      .waitFor();

    // Back to the queue: open the second claim and replace it; its replacement is a draft (frequency 7).
    await nav(page).getByRole('link', { name: 'Denials' }).click();
    // The queue refetched without the closed claim (a click on the cached list could select a row that then moves).
    await rows.filter({ hasText: second.patientControlNumber }).first().waitFor();
    await expect.poll(() => rows.filter({ hasText: first.patientControlNumber }).count()).toBe(0);
    await rows.filter({ hasText: second.patientControlNumber }).first().click();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/billing/claims/${second.id}$`));
    await page.getByRole('button', { name: 'Replace…' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: 'Reason' }).fill('Add the missing modifier');
    await page.getByRole('dialog').getByRole('button', { name: 'Replace claim' }).click();
    await page.waitForURL((url) => /\/billing\/claims\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(second.id));
    const replacementId = new URL(page.url()).pathname.split('/').pop() as string;
    const replacement = await getJson<Claim>(page, `/api/claims/${replacementId}`);
    expect(replacement).toMatchObject({ status: 'draft', frequencyCode: '7', replacesClaimId: second.id });
    await page.getByRole('heading', { name: new RegExp(`^Claim ${replacement.patientControlNumber}`), level: 1 }).waitFor();
    await page.getByText('Replaces').first().waitFor();
    expect((await getJson<Claim>(page, `/api/claims/${second.id}`)).status).toBe('closed');
    expect(await axe(page)).toEqual([]);

    expectQuietConsole(watch);
    await context.close();
  });
});
