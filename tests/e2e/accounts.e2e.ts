/**
 * The front desk takes a copay on a patient's account in Chromium: the Account tab shows the
 * balances and their age, "Post payment" takes the amount and method (a card needs its last
 * four digits), the payment is listed and the balance and the chart header follow; a biller
 * refunds part of it. Every screen passes axe; no console errors or CSP violations.
 */
import { describe, expect, it } from 'vitest';
import { expectAccessibleNow, expectQuietConsole, fileSession, openAs } from './helpers/session.ts';

const session = fileSession();

describe('patient account', () => {
  it('the front desk posts a card copay from the Account tab; the balance, the list and the header follow; a biller refunds part', async () => {
    const { context, page, watch: console } = await openAs(session, 'front.desk@demo.clinicdesk.dev');
    const created = await page.request.post('/api/patients', {
      headers: { 'x-clinicdesk-csrf': '1' },
      data: { givenName: 'Søren', familyName: 'Ødegård-Nakamura', birthDate: '1979-02-14' },
    });
    expect(created.status(), await created.text()).toBe(201);
    const patientId = ((await created.json()) as { id: string }).id;
    await page.goto(`/patients?id=${patientId}`);
    await page.getByTestId('chart-header').waitFor();
    await page.getByRole('tab', { name: 'Account' }).click();
    const account = page.getByTestId('chart-account');
    await account.getByText('No payments yet.').waitFor();
    await expectAccessibleNow(page, 'account tab (empty)');

    await page.getByRole('button', { name: 'Post payment' }).click();
    const dialog = page.getByRole('dialog', { name: 'Post a payment' });
    await dialog.getByLabel('Amount').fill('25.00');
    await dialog.getByRole('combobox', { name: 'Method' }).click();
    await page.getByRole('option', { name: 'Card' }).click();
    await dialog.getByRole('button', { name: 'Post payment' }).click();
    // A card payment needs its last four digits: said under the field, nothing posted.
    await dialog
      .getByText(/four digits/i)
      .first()
      .waitFor();
    await expectAccessibleNow(page, 'post payment dialog (a field missing)');
    await dialog.getByLabel("Card's last four digits").fill('4242');
    await dialog.getByRole('button', { name: 'Post payment' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const payments = page.getByRole('table', { name: 'Payments' });
    await payments.getByText('$25.00').first().waitFor();
    await expect(payments.textContent()).resolves.toContain('····4242');
    await account.getByText('Patient credit').waitFor();
    await page.getByTestId('account-banner').filter({ hasText: 'Credit $25.00' }).waitFor();
    const listed = (await (await page.request.get(`/api/patients/${patientId}/payments`)).json()) as { items: { amountCents: number }[] };
    expect(listed.items.map((p) => p.amountCents)).toEqual([2500]);
    await expectAccessibleNow(page, 'account tab (one payment)');
    expectQuietConsole(console);
    await context.close();

    // A biller refunds $10 of it, with the reason.
    const { context: billerContext, page: biller } = await openAs(session, 'biller@demo.clinicdesk.dev');
    await biller.goto(`/patients?id=${patientId}`);
    await biller.getByRole('tab', { name: 'Account' }).click();
    await biller.getByRole('button', { name: /^Refund the payment of \$25\.00/ }).click();
    const refund = biller.getByRole('dialog', { name: 'Refund a payment' });
    await refund.getByLabel('Amount').fill('10.00');
    await refund.getByLabel('Reason').fill('Copay charged twice');
    await expectAccessibleNow(biller, 'refund dialog');
    await refund.getByRole('button', { name: 'Refund' }).click();
    await refund.waitFor({ state: 'hidden' });
    await biller.getByRole('table', { name: 'Payments' }).getByText('$10.00').waitFor();
    await biller.getByTestId('account-banner').filter({ hasText: 'Credit $15.00' }).waitFor();
    await billerContext.close();
  });
});
