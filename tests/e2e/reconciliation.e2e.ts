/**
 * The biller's reconciliation queue in Chromium, on the demo practice: an 835 (posted through the
 * API, as a clearinghouse file would be) pays two claims under patient control numbers that are
 * none of ours; the page lists both, one is matched to our claim by its number (the payment posts,
 * the claim is paid) and the other dismissed with a reason. axe finds nothing serious, the CSP holds.
 */
import { build835 } from '@x12/index.ts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './helpers/axe.ts';
import { launchBrowser, newContext, watchConsole } from './helpers/browser.ts';
import { startServer, type TestServer } from './helpers/server.ts';
import { signIn } from './helpers/sign-in.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const CSRF = { 'x-clinicdesk-csrf': '1' };
const nav = (page: Page) => page.getByRole('navigation', { name: 'Modules' });

async function axe(page: Page): Promise<string[]> {
  await page.mouse.move(1390, 990);
  return seriousViolations(page);
}

async function getJson<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(url);
  expect(res.status(), url).toBe(200);
  return (await res.json()) as T;
}

interface Claim {
  id: string;
  status: string;
  patientControlNumber: string;
  totalChargeCents: number;
  lines: { procedureCode: string; modifiers: string[]; units: number; chargeCents: number }[];
}

interface Unmatched {
  id: string;
  patientControlNumber: string;
  status: string;
  reason: string;
}

/** A submitted claim of the demo: one already sent, or the ready ones sent in a batch now. */
async function submittedClaim(page: Page): Promise<Claim> {
  let submitted = (await getJson<{ items: Claim[] }>(page, '/api/claims?status=submitted&limit=200')).items;
  if (submitted.length === 0) {
    const ready = (await getJson<{ items: Claim[] }>(page, '/api/claims?status=ready&limit=200')).items;
    expect(ready.length, 'the demo has claims to submit').toBeGreaterThan(0);
    const res = await page.request.post('/api/claim-batches', { headers: CSRF, data: { claimIds: ready.map((c) => c.id) } });
    expect(res.status(), await res.text()).toBe(201);
    submitted = (await getJson<{ items: Claim[] }>(page, '/api/claims?status=submitted&limit=200')).items;
  }
  return getJson<Claim>(page, `/api/claims/${(submitted[0] as Claim).id}`);
}

/** An 835 paying `claim` in full twice over, under two patient control numbers that are not ours. */
function strangers835(claim: Claim, numbers: string[], trace: string): string {
  const now = new Date().toISOString();
  return build835(
    {
      sender: { id: 'PAYER' },
      receiver: { id: 'CLINICDESK' },
      payment: { amountCents: claim.totalChargeCents * numbers.length, creditDebit: 'C', method: 'CHK', date: now.slice(0, 10) },
      traceNumber: trace,
      payer: { name: 'Demo payer', id: '60054' },
      payee: { name: 'Demo practice', npi: '1234567893' },
      claims: numbers.map((pcn, i) => ({
        patientControlNumber: pcn,
        statusCode: '1',
        chargeCents: claim.totalChargeCents,
        paidCents: claim.totalChargeCents,
        patientResponsibilityCents: 0,
        payerClaimControlNumber: `RECON${trace}${i}`,
        adjustments: [],
        lines: claim.lines.map((l) => ({
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
    {
      controlNumbers: { interchange: 525252, group: 525252, transactions: [1] },
      usageIndicator: 'T',
      date: now.slice(0, 10),
      time: now.slice(11, 13) + now.slice(14, 16),
    },
  );
}

describe('reconciliation', () => {
  it('a biller matches one unknown remittance claim to our claim and dismisses another', async () => {
    const context = await newContext(browser, server.url, 1400, 1000);
    const page = await context.newPage();
    const watch = watchConsole(page);
    await signIn(page, 'biller@demo.clinicdesk.dev');

    const claim = await submittedClaim(page);
    const trace = String(Date.now());
    const [typo, stranger] = [`X${trace.slice(-8)}A`, `X${trace.slice(-8)}B`];
    const posted = await page.request.post('/api/remittances', {
      headers: { ...CSRF, 'content-type': 'application/edi-x12' },
      data: strangers835(claim, [typo, stranger], trace),
    });
    expect(posted.status(), await posted.text()).toBe(201);
    const open = (await getJson<{ items: Unmatched[] }>(page, '/api/remittances/unmatched?limit=200')).items;
    expect(open.map((u) => u.patientControlNumber)).toEqual(expect.arrayContaining([typo, stranger]));

    await nav(page).getByRole('link', { name: 'Reconciliation' }).click();
    await page.getByRole('heading', { name: 'Reconciliation', level: 1 }).waitFor();
    const row = (pcn: string) => page.getByRole('row').filter({ hasText: pcn });
    await row(typo).waitFor();
    await row(stranger).waitFor();
    expect(await axe(page)).toEqual([]);
    // Each row's buttons and fields have their own accessible name, naming the remittance claim.
    await expect.poll(() => page.getByRole('button', { name: `Match remittance claim ${typo}` }).count()).toBe(1);
    expect(await page.getByRole('button', { name: `Dismiss remittance claim ${stranger}` }).count()).toBe(1);
    expect(await page.getByRole('textbox', { name: `Reason to dismiss remittance claim ${stranger}` }).count()).toBe(1);
    const names = await page
      .getByRole('table')
      .locator('button, input')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    expect(names.length).toBeGreaterThanOrEqual(8);
    expect(names.every((n) => /remittance claim \S+/.test(n))).toBe(true);
    expect(new Set(names).size).toBe(names.length);

    // A number that is no claim of ours is said so, by the field, and nothing changes.
    await row(typo)
      .getByRole('textbox', { name: /Our claim number/ })
      .fill('NOSUCHCLAIM');
    await row(typo).getByRole('button', { name: /Match/ }).click();
    await row(typo)
      .getByText(/No claim NOSUCHCLAIM/)
      .waitFor();

    // Match: the payment posts to our claim, which is paid; the entry leaves the queue.
    await row(typo)
      .getByRole('textbox', { name: /Our claim number/ })
      .fill(claim.patientControlNumber.toLowerCase());
    await page.getByRole('button', { name: `Match remittance claim ${typo}` }).click();
    await row(typo).waitFor({ state: 'detached' });
    await expect.poll(async () => (await getJson<Claim>(page, `/api/claims/${claim.id}`)).status).toBe('paid');

    // Dismiss with a reason (keyboard: the reason field, Tab to the button, Enter).
    await row(stranger)
      .getByRole('textbox', { name: /Reason to dismiss/ })
      .fill('Not our patient');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await row(stranger).waitFor({ state: 'detached' });
    const dismissed = (await getJson<{ items: Unmatched[] }>(page, '/api/remittances/unmatched?status=dismissed&limit=200')).items;
    expect(dismissed).toEqual(expect.arrayContaining([expect.objectContaining({ patientControlNumber: stranger })]));
    const matched = (await getJson<{ items: Unmatched[] }>(page, '/api/remittances/unmatched?status=matched&limit=200')).items;
    expect(matched).toEqual(expect.arrayContaining([expect.objectContaining({ patientControlNumber: typo })]));
    expect(await axe(page)).toEqual([]);

    expect(watch.cspViolations()).toEqual([]);
    expect(watch.problems).toEqual([]);
    await context.close();
  });
});
