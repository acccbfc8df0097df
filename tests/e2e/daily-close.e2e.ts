/**
 * The office manager closes today at the selected location in Chromium: the demo's past days are
 * closed and deposited, today's payments show by method and by user with the cash expected; the
 * counted cash shows its variance as it is typed; closing lists the day and refuses a payment dated
 * into it (409 DAY_CLOSED); the closed day's payments go to the bank in one deposit. Every screen
 * passes axe; no console errors or CSP violations.
 */
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './helpers/axe.ts';
import { expectQuietConsole, fileSession, openAs } from './helpers/session.ts';

const session = fileSession();

describe('daily close', () => {
  it('closes today with a counted drawer, refuses a payment into the closed day, and deposits it', async () => {
    const { context, page, watch: console } = await openAs(session, 'office.manager@demo.clinicdesk.dev');
    await page.getByRole('link', { name: 'Daily close' }).waitFor();
    await page.goto('/daily-close');
    await page.getByRole('heading', { level: 1, name: 'Daily close' }).waitFor();
    const summary = page.getByTestId('day-summary');
    const byMethod = page.getByRole('table', { name: 'Payments by method' });
    await byMethod.getByRole('cell', { name: 'Cash' }).waitFor();
    // The demo closed and deposited the past days: they are listed, today is open.
    await page.getByRole('table', { name: 'Closed days' }).waitFor();
    await page.getByRole('table', { name: 'Deposits made' }).waitFor();
    expect(await seriousViolations(page), 'daily close (open day)').toEqual([]);

    const me = (await (await page.request.get('/api/me')).json()) as { locations: { id: string }[] };
    const today = await page.locator('input[type="date"]').inputValue();
    const firstLocation = me.locations[0]?.id as string;
    const preview = (await (await page.request.get(`/api/daily-closes/preview?locationId=${firstLocation}&date=${today}`)).json()) as {
      expectedCashCents: number;
    };

    const counted = ((preview.expectedCashCents - 100) / 100).toFixed(2);
    await page.getByLabel('Cash counted').fill(counted);
    await summary.getByText('Variance: -$1.00 (short)').waitFor();
    await page.getByRole('button', { name: 'Close the day' }).click();
    await summary.getByTestId('day-closed').waitFor();
    await page.getByRole('table', { name: 'Closed days' }).getByRole('cell', { name: today }).first().waitFor();
    expect(await seriousViolations(page), 'daily close (closed day)').toEqual([]);

    // Nothing can be dated into the closed day.
    const created = await page.request.post('/api/patients', {
      headers: { 'x-clinicdesk-csrf': '1' },
      data: { givenName: 'Zoë', familyName: 'Łukasiewicz-Ngô', birthDate: '1984-07-09' },
    });
    expect(created.status(), await created.text()).toBe(201);
    const patientId = ((await created.json()) as { id: string }).id;
    const refused = await page.request.post('/api/payments', {
      headers: { 'x-clinicdesk-csrf': '1', 'x-location-id': firstLocation },
      data: { patientId, amountCents: 1000, method: 'cash', locationId: firstLocation },
    });
    expect(refused.status(), await refused.text()).toBe(409);
    expect(((await refused.json()) as { code: string }).code).toBe('DAY_CLOSED');

    // Today's payments are now of a closed day: one deposit takes them to the bank.
    const deposit = page.getByRole('button', { name: /^Deposit [1-9]\d* payments? of closed days/ });
    await deposit.waitFor();
    await page.getByLabel('Deposit slip or bank reference').fill('Slip 42');
    await deposit.click();
    await page.getByRole('table', { name: 'Deposits made' }).getByRole('cell', { name: 'Slip 42' }).waitFor();
    await page.getByRole('button', { name: 'Deposit 0 payments of closed days ($0.00)' }).waitFor();
    expectQuietConsole(console);
    await context.close();
  });
});
