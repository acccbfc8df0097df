/**
 * Finance reports in Chromium, on the demo practice's books: a biller opens the page, sees the
 * A/R aging table (its totals those of the API) beside its chart, downloads the CSV (the same
 * total), and walks the other tabs (days in A/R, collections, payments by method, trial balance,
 * GL export download). Every tab passes axe; no console errors or CSP violations.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectQuietConsole, fileSession, openAs, usd } from './helpers/session.ts';

const session = fileSession();

/** Clicks `button` and answers the downloaded file's name and text. */
async function download(page: Page, button: ReturnType<Page['getByRole']>): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: fs.readFileSync(path, 'utf8') };
}

describe('finance reports', () => {
  it('a biller sees the A/R aging table and chart, downloads its CSV, and walks every tab', async () => {
    const { context, page, watch: console } = await openAs(session, 'biller@demo.clinicdesk.dev');
    // The nav offers the page (opened by address, so no pointer rests on the nav item while axe looks).
    await page.getByRole('link', { name: 'Finance reports' }).waitFor();
    const pageAsks = page.waitForRequest((r) => r.url().includes('/api/reports/ar-aging'));
    await page.goto('/reports/finance');
    await page.getByRole('heading', { name: 'Finance reports', level: 1 }).waitFor();
    // The API is asked as the page asks it: at the location the app chose, whose calendar day is
    // "today" for the books (in the evening in America it is already tomorrow in UTC).
    const location = (await pageAsks).headers()['x-location-id'];
    const headers = { 'x-clinicdesk-csrf': '1', ...(location ? { 'x-location-id': location } : {}) };

    const api = (await (await page.request.get('/api/reports/ar-aging', { headers })).json()) as {
      asOf: string;
      total: { totalCents: number };
      insurance: { items: { payerName: string; totalCents: number }[] };
    };
    const table = page.getByRole('table', { name: 'A/R aging' });
    await table.waitFor();
    const totalRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Total', exact: true }) });
    await expect(totalRow.textContent()).resolves.toContain(usd(api.total.totalCents));
    for (const payer of api.insurance.items) await table.getByRole('rowheader', { name: payer.payerName }).waitFor();
    const chart = page.getByRole('img', { name: new RegExp(`A/R aging on ${api.asOf}`) });
    await chart.waitFor();
    await chart.locator('svg').first().waitFor();
    if (api.total.totalCents > 0) await chart.locator('.recharts-bar-rectangle').first().waitFor();
    await expectAccessible(page, 'A/R aging');

    const csv = await download(page, page.getByRole('button', { name: 'Download CSV' }));
    expect(csv.name).toMatch(/^ar-aging-.*\.csv$/);
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('section,payer,0-30,31-60,61-90,91-120,120+,total');
    const grand = lines.at(-1)?.split(',') ?? [];
    expect(grand[0]).toBe('total');
    expect(grand.at(-1)).toBe((api.total.totalCents / 100).toFixed(2));

    await page.getByRole('tab', { name: 'Days in A/R' }).click();
    await page.getByTestId('days-in-ar').waitFor();
    await page.getByRole('table', { name: 'Days in A/R inputs' }).waitFor();
    await expectAccessible(page, 'days in A/R');

    await page.getByRole('tab', { name: 'Collections and adjustments' }).click();
    await page.getByRole('table', { name: 'Collections and adjustments' }).waitFor();
    await page.getByRole('img', { name: /Collections and adjustments/ }).waitFor();
    await expectAccessible(page, 'collections');

    await page.getByRole('tab', { name: 'Payments by method' }).click();
    const methods = page.getByRole('table', { name: 'Payments by method' });
    await methods.getByRole('rowheader', { name: 'Card' }).waitFor();
    await expectAccessible(page, 'payments by method');

    await page.getByRole('tab', { name: 'Trial balance' }).click();
    const tb = page.getByRole('table', { name: /Trial balance through/ });
    await tb.waitFor();
    const tbApi = (await (await page.request.get('/api/reports/trial-balance', { headers })).json()) as {
      totalDebitCents: number;
      totalCreditCents: number;
    };
    expect(tbApi.totalDebitCents).toBe(tbApi.totalCreditCents);
    const tbTotal = tb.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Total', exact: true }) });
    await expect(tbTotal.textContent()).resolves.toContain(usd(tbApi.totalDebitCents));
    await expectAccessible(page, 'trial balance');

    await page.getByRole('tab', { name: 'GL export' }).click();
    const journal = await download(page, page.getByRole('button', { name: 'Download journal CSV' }));
    expect(journal.name).toMatch(/^journal-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(journal.text.split('\r\n')[0]).toBe(
      'entry_id,posting_date,kind,memo,line,account_code,account_name,debit,credit,source_type,source_id,location_id,location',
    );
    await expectAccessible(page, 'GL export');

    expectQuietConsole(console);
    await context.close();
  });

  it('the front desk has no finance reports: no nav item, and the API refuses', async () => {
    const { context, page } = await openAs(session, 'front.desk@demo.clinicdesk.dev');
    await expect(page.getByRole('link', { name: 'Finance reports' }).count()).resolves.toBe(0);
    const res = await page.request.get('/api/reports/ar-aging', { headers: { 'x-clinicdesk-csrf': '1' } });
    expect(res.status()).toBe(403);
    await context.close();
  });
});
