/**
 * The collections worklist in Chromium on the demo practice: the office manager sees guarantors
 * with their oldest balance's age, the account at the agency (returned by it, with a reason) and the plan with a missed
 * installment; opens a row with the keyboard, logs a call with a promise to pay (it shows in the
 * contact log and on the row), previews a small-balance write-off; the patient's Account tab
 * shows the payment plan. Every screen passes axe; no console errors or CSP violations.
 */
import { describe, expect, it } from 'vitest';
import { expectAccessibleNow, expectQuietConsole, fileSession, openAs } from './helpers/session.ts';

const session = fileSession();

const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);

describe('collections', () => {
  it('works the worklist: agency and missed installment shown, a call with a promise logged, a write-off previewed, the plan on the account', async () => {
    const { context, page, watch: console } = await openAs(session, 'office.manager@demo.clinicdesk.dev');
    await page.goto('/billing/collections');
    const table = page.getByRole('table', { name: 'Collections worklist' });
    await table.waitFor();
    await table.getByText('At agency').first().waitFor();
    await table.getByText('Missed installment').first().waitFor();
    await expectAccessibleNow(page, 'worklist');

    // Filters: only the account at the agency.
    await page.getByRole('combobox', { name: 'Agency' }).click();
    await page.getByRole('option', { name: 'At agency' }).click();
    await expect.poll(async () => page.getByTestId('collections-row').count()).toBe(1);
    // The agency sends that account back: with the reason typed, it leaves the at-agency list.
    await page
      .getByTestId('collections-row')
      .first()
      .getByRole('button', { name: /^Open the account of/ })
      .click();
    const agencyPanel = page.getByRole('dialog', { name: 'Guarantor account' });
    await agencyPanel.getByLabel(/^Why the agency returned/).fill('Guarantor could not be located');
    await agencyPanel.getByRole('button', { name: 'Returned by agency' }).click();
    await expect.poll(async () => page.getByTestId('collections-row').count()).toBe(0);
    await page.keyboard.press('Escape');
    await agencyPanel.waitFor({ state: 'hidden' });
    await page.getByRole('combobox', { name: 'Agency' }).click();
    await page.getByRole('option', { name: 'Not sent' }).click();
    await page.getByTestId('collections-row').first().waitFor();

    // Open a row with the keyboard and log a call with a promise to pay.
    const first = page.getByTestId('collections-row').first();
    const open = first.getByRole('button', { name: /^Open the account of/ });
    const name = ((await open.textContent()) ?? '').trim();
    await open.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Guarantor account' });
    await dialog.getByTestId('guarantor-panel').waitFor();
    await dialog.getByRole('combobox', { name: 'Contact' }).click();
    await page.getByRole('option', { name: 'Spoke with' }).click();
    await dialog.getByLabel('Note').fill('Agreed to pay part this week.');
    await dialog.getByLabel('Promise to pay on').fill(inDays(5));
    await dialog.getByLabel('Promised amount ($)').fill('12.50');
    await dialog.getByRole('button', { name: 'Log contact' }).click();
    await dialog
      .getByRole('list', { name: 'Contact log' })
      .getByText(/Agreed to pay part this week\..*promised \$12\.50/)
      .waitFor();
    await expectAccessibleNow(page, 'guarantor panel');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page
      .getByTestId('collections-row')
      .filter({ hasText: name })
      .getByText(/\$12\.50 by .*due/)
      .waitFor();

    // Small-balance write-off: the preview changes nothing.
    await page.getByRole('button', { name: 'Small-balance write-off' }).click();
    const wo = page.getByRole('dialog', { name: 'Small-balance write-off' });
    await wo.getByLabel('Balances up to ($)').fill('1.00');
    await wo.getByRole('button', { name: 'Preview' }).click();
    await wo.getByTestId('write-off-preview').waitFor();
    await expectAccessibleNow(page, 'write-off preview');
    await wo.getByRole('button', { name: 'Close' }).click();

    // The patient with the plan: the Account tab shows it.
    const rows = (await (await page.request.get('/api/collections/worklist?limit=100')).json()) as {
      items: { missedInstallment: boolean; patients: { id: string }[] }[];
    };
    const withPlan = rows.items.find((r) => r.missedInstallment);
    expect(withPlan).toBeDefined();
    let patientId = '';
    for (const p of withPlan?.patients ?? []) {
      const plans = (await (await page.request.get(`/api/payment-plans?patientId=${p.id}`)).json()) as { items: unknown[] };
      if (plans.items.length > 0) patientId = p.id;
    }
    expect(patientId).not.toBe('');
    await page.goto(`/patients?id=${patientId}`);
    await page.getByTestId('chart-header').waitFor();
    await page.getByRole('tab', { name: 'Account' }).click();
    await page.getByTestId('account-payment-plan').getByText('1 missed').waitFor();
    await expectAccessibleNow(page, 'account tab with a plan');
    expectQuietConsole(console);
    await context.close();
  }, 240_000);
});
