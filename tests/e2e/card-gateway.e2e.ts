/**
 * Card payments through the practice's card gateway, in Chromium: the server runs with
 * CARD_GATEWAY_URL set (a local processor, tests/helpers/fake-card-gateway.ts), so `GET /api/me`
 * says so and the Post payment dialog asks for the card token instead of the terminal's last
 * four digits. A declined token shows the processor's answer and posts nothing; an approved one
 * is charged once and the payment lists the digits and reference the gateway gave. The dialog
 * passes axe; no console errors or CSP violations. (Without a gateway the dialog keeps the
 * terminal's fields: accounts.e2e.ts and payments-desk.e2e.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeCardGateway, startFakeCardGateway } from '../helpers/fake-card-gateway.ts';
import { expectAccessible, expectQuietConsole, fileSession, getJson, openAs, postJson } from './helpers/session.ts';

let gateway: FakeCardGateway;

beforeAll(async () => {
  gateway = await startFakeCardGateway();
});

afterAll(async () => {
  await gateway?.close();
});

const session = fileSession({ env: () => ({ CARD_GATEWAY_URL: gateway.url, CARD_GATEWAY_KEY: gateway.apiKey }) });

type Payment = { amountCents: number; method: string; cardLast4: string | null; reference: string | null; cardSource: string | null };

describe('card gateway', () => {
  it('the Post payment dialog charges a card token through the gateway; a decline posts nothing', async () => {
    // A declined card answers 402, which the browser logs as a failed load.
    const { context, page, watch } = await openAs(session, 'front.desk@demo.clinicdesk.dev', { expectedStatuses: [401, 402] });
    const me = await getJson<{ payments: { cardGateway: boolean } }>(page, '/api/me');
    expect(me.payments.cardGateway).toBe(true);
    const created = await postJson<{ id: string }>(page, '/api/patients', {
      givenName: 'Ingrid',
      familyName: 'Valdés-Okafor',
      birthDate: '1984-09-30',
    });
    await page.goto(`/patients?id=${created.id}`);
    await page.getByTestId('chart-header').waitFor();
    await page.getByRole('tab', { name: 'Account' }).click();
    await page.getByTestId('chart-account').getByText('No payments yet.').waitFor();

    await page.getByRole('button', { name: 'Post payment' }).click();
    const dialog = page.getByRole('dialog', { name: 'Post a payment' });
    await dialog.getByLabel('Amount').fill('40.00');
    await dialog.getByRole('combobox', { name: 'Method' }).click();
    await page.getByRole('option', { name: 'Card' }).click();
    const token = dialog.getByRole('textbox', { name: /^Card token/ });
    await token.waitFor();
    // The terminal's fields are not offered: the gateway gives the digits and the reference.
    await expect(dialog.getByLabel("Card's last four digits").count()).resolves.toBe(0);
    await expect(dialog.getByLabel('Terminal reference').count()).resolves.toBe(0);
    await expectAccessible(page, 'post payment dialog with a card gateway');

    // Declined: the processor's answer, nothing charged or posted, the dialog stays.
    await token.fill('tok_decline_insufficient_funds');
    await dialog.getByRole('button', { name: 'Post payment' }).click();
    await dialog
      .getByText(/declined/)
      .first()
      .waitFor();
    expect(gateway.charges).toEqual([]);
    expect((await getJson<{ items: Payment[] }>(page, `/api/patients/${created.id}/payments`)).items).toEqual([]);

    await token.fill('tok_ok_4444_visa');
    await dialog.getByRole('button', { name: 'Post payment' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const payments = await getJson<{ items: Payment[] }>(page, `/api/patients/${created.id}/payments`);
    expect(payments.items).toHaveLength(1);
    expect(payments.items[0]).toMatchObject({ amountCents: 4000, method: 'card', cardLast4: '4444', cardSource: 'gateway' });
    expect(gateway.charges.map((c) => [c.token, c.amountCents])).toEqual([['tok_ok_4444_visa', 4000]]);
    await page.getByTestId('chart-account').getByRole('table', { name: 'Payments' }).getByText('$40.00').first().waitFor();
    expectQuietConsole(watch);
    await context.close();
  });
});
