/**
 * The office manager's payables in Chromium: the home page's tile lists the demo bills overdue
 * or due this week; on Payables a bill is entered with its invoice file, edited (a change made
 * meanwhile elsewhere refills the form and says so; then the new amount is saved), paid by check,
 * and shows as paid (and leaves the open list); the vendors and the aging show the demo's figures.
 * Every screen passes axe; no console errors or CSP violations.
 */
import { describe, expect, it } from 'vitest';
import { expectAccessibleNow, expectQuietConsole, fileSession, openAs } from './helpers/session.ts';

const session = fileSession();

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('payables', () => {
  it('the office manager sees bills due this week, enters a bill with its invoice, edits it, pays it by check and sees it paid', async () => {
    const {
      context,
      page,
      watch: console,
    } = await openAs(session, 'office.manager@demo.clinicdesk.dev', {
      expectedStatuses: [412], // the stale save below, on purpose
    });

    // Home: the demo's overdue supply bill and the two due this week (rent, electricity).
    const tile = page.getByTestId('tile-due-bills');
    await tile.getByText('Midwest Medical Supply Co.').waitFor();
    await expect(tile.textContent()).resolves.toContain('1 overdue');
    await tile.getByText('Lakeview Properties LLC').waitFor();
    await tile.getByText('City Power & Light').waitFor();
    await expectAccessibleNow(page, 'home with the due-bills tile');

    await tile.getByRole('link', { name: 'Open payables' }).click();
    await page.getByRole('heading', { level: 1, name: 'Payables' }).waitFor();
    const bills = page.getByRole('table', { name: 'Bills' });
    await bills.getByText('Midwest Medical Supply Co.').first().waitFor();
    await expectAccessibleNow(page, 'payables: bills due soon');

    // Enter a bill, with the invoice scan.
    await page.getByRole('combobox', { name: 'Show' }).click();
    await page.getByRole('option', { name: 'Open' }).click();
    await page.getByRole('button', { name: 'Enter a bill' }).click();
    const enter = page.getByRole('dialog', { name: 'Enter a bill' });
    await enter.getByRole('combobox', { name: 'Vendor' }).click();
    await page.getByRole('option', { name: 'BrightPath IT Services' }).click();
    await enter.getByLabel('Invoice number').fill('BP-E2E-1');
    await enter.getByLabel('Amount').fill('1234.56');
    const due = new Date(Date.now() + 20 * 86_400_000);
    await enter
      .getByLabel('Due date')
      .fill(`${due.getFullYear()}-${String(due.getMonth() + 1).padStart(2, '0')}-${String(due.getDate()).padStart(2, '0')}`);
    await enter.locator('input[type="file"]').setInputFiles({ name: 'invoice scan.png', mimeType: 'image/png', buffer: PNG });
    await expectAccessibleNow(page, 'enter a bill dialog');
    await enter.getByRole('button', { name: 'Enter bill' }).click();
    await enter.waitFor({ state: 'hidden' });
    const row = page.getByTestId('bill-BP-E2E-1');
    await row.getByText('$1,234.56').first().waitFor();
    await row.getByRole('link', { name: 'BP-E2E-1' }).waitFor(); // the invoice file is attached

    // Edit it: the form opens prefilled. Someone changes the bill meanwhile: saving says so and
    // refills the form with the bill as it is now; saving again keeps the new amount.
    await row.getByRole('button', { name: 'Edit BrightPath IT Services BP-E2E-1' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit BrightPath IT Services BP-E2E-1' });
    await expect(edit.getByLabel('Amount').inputValue()).resolves.toBe('1234.56');
    await expect(edit.getByLabel('Invoice number').inputValue()).resolves.toBe('BP-E2E-1');
    const open = (await (await page.request.get('/api/bills?filter=open&limit=200')).json()) as {
      items: { id: string; invoiceNumber: string; version: number }[];
    };
    const entered = open.items.find((b) => b.invoiceNumber === 'BP-E2E-1');
    const elsewhere = await page.request.patch(`/api/bills/${entered?.id}`, {
      data: { memo: 'Changed elsewhere' },
      headers: { 'x-clinicdesk-csrf': '1', 'if-match': `"${entered?.version}"` },
    });
    expect(elsewhere.status()).toBe(200);
    await edit.getByLabel('Amount').fill('1300.00');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit
      .getByRole('alert')
      .getByText(/changed this bill meanwhile/)
      .waitFor();
    await expect(edit.getByLabel('Memo').inputValue()).resolves.toBe('Changed elsewhere');
    await expect(edit.getByLabel('Amount').inputValue()).resolves.toBe('1234.56');
    await expectAccessibleNow(page, 'edit a bill dialog');
    await edit.getByLabel('Amount').fill('1300.00');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'hidden' });
    await row.getByText('$1,300.00').first().waitFor();

    // Pay it by check: the number is required.
    await row.getByRole('button', { name: 'Pay BrightPath IT Services BP-E2E-1' }).click();
    const pay = page.getByRole('dialog', { name: 'Pay BrightPath IT Services BP-E2E-1' });
    await expect(pay.getByLabel('Amount').inputValue()).resolves.toBe('1300.00');
    await pay.getByRole('button', { name: 'Record payment' }).click();
    await pay
      .getByText(/check number/i)
      .first()
      .waitFor();
    await pay.getByLabel('Check number').fill('2107');
    await expectAccessibleNow(page, 'pay a bill dialog');
    await pay.getByRole('button', { name: 'Record payment' }).click();
    await pay.waitFor({ state: 'hidden' });
    // Paid in full: it leaves the open list and shows as paid.
    await row.waitFor({ state: 'detached' });
    await page.getByRole('combobox', { name: 'Show' }).click();
    await page.getByRole('option', { name: 'Paid' }).click();
    await page.getByTestId('bill-BP-E2E-1').getByText('Paid').waitFor();

    const listed = (await (await page.request.get('/api/bills?filter=paid')).json()) as {
      items: { invoiceNumber: string; paidCents: number; status: string }[];
    };
    expect(listed.items.find((b) => b.invoiceNumber === 'BP-E2E-1')).toMatchObject({ paidCents: 130_000, status: 'paid' });

    // Vendors and aging.
    await page.getByRole('tab', { name: 'Vendors' }).click();
    await page.getByRole('table', { name: 'Vendors' }).getByText('Spotless Commercial Cleaning').waitFor();
    await expectAccessibleNow(page, 'payables: vendors');
    await page.getByRole('tab', { name: 'Aging' }).click();
    const aging = page.getByRole('table', { name: 'Payables aging' });
    await aging.getByText('Midwest Medical Supply Co.').waitFor();
    await expectAccessibleNow(page, 'payables: aging');
    const csv = await page.request.get('/api/payables/aging?format=csv');
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain('Midwest Medical Supply Co.,');

    expectQuietConsole(console);
    await context.close();
  });
});
