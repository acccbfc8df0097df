/**
 * The copay at check-in, in Chromium against a real server with the demo practice: on the flow
 * board an arrived patient's row offers "Collect copay $25.00" (the demo coverages' office copay);
 * the desk posts it in at most three interactions (the button, the card's last four digits, Post),
 * the dialog offers the receipt, the row then says it was paid, and the patient's account lists
 * the card payment. The receipt PDF opens. axe finds nothing serious; no console errors or CSP
 * violations.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectQuietConsole, fileSession, getJson, openAs } from './helpers/session.ts';

const session = fileSession();

type Board = { items: { appointmentId: string; patientId: string | null; patientName: string; status: string; busy: boolean }[] };
type Copays = { items: { patientId: string; copayCents: number | null; paidTodayCents: number }[] };

/** A visit on the board whose patient is here and owes today's copay: checks one in when there is none. */
async function patientOwingCopay(
  page: Page,
  locationId: string,
): Promise<{ appointmentId: string; patientId: string; name: string; cents: number }> {
  for (let attempt = 0; attempt < 6; attempt++) {
    const board = await getJson<Board>(page, `/api/flow-board?locationId=${locationId}`);
    const here = board.items.filter(
      (i) => i.patientId && !i.busy && ['arrived', 'roomed', 'with_provider', 'checked_out'].includes(i.status),
    );
    if (here.length) {
      const ids = [...new Set(here.map((i) => i.patientId as string))].slice(0, 100);
      const copays = await getJson<Copays>(page, `/api/expected-copays?patientIds=${ids.join(',')}&locationId=${locationId}`);
      const owing = copays.items.find((c) => (c.copayCents ?? 0) > 0 && c.paidTodayCents === 0);
      const visit = owing && here.find((i) => i.patientId === owing.patientId);
      if (owing && visit)
        return { appointmentId: visit.appointmentId, patientId: owing.patientId, name: visit.patientName, cents: owing.copayCents ?? 0 };
    }
    // None yet: check in the next booked visit (and answer the desk's checklist later).
    const next = page.locator('[data-testid="flow-row"]:has([data-flow-action="check-in"])').first();
    const id = (await next.getAttribute('data-appointment-id')) ?? '';
    await next.locator('[data-flow-action="check-in"]').click();
    const desk = page.getByTestId('check-in-dialog');
    await desk.waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Later' }).click();
    await desk.waitFor({ state: 'hidden' });
    await page.locator(`[data-appointment-id="${id}"][data-status="arrived"]`).waitFor();
  }
  throw new Error('no patient on the board owes a copay');
}

describe('payments at the desk', () => {
  it('the front desk collects a card copay from the flow board in three interactions; the account lists it and the receipt prints', async () => {
    const { page, watch: console } = await openAs(session, 'front.desk@demo.clinicdesk.dev');
    await page.goto('/flow');
    await page.getByTestId('flow-live').getByText('Live').waitFor();
    // The board's location: that of any visit it shows.
    const anyRow = page.locator('[data-testid="flow-row"]').first();
    await anyRow.waitFor();
    const shown = await getJson<{ locationId: string }>(page, `/api/appointments/${await anyRow.getAttribute('data-appointment-id')}`);
    const locationId = shown.locationId;
    const visit = await patientOwingCopay(page, locationId);
    expect(visit.cents).toBe(2500);
    const row = page.locator(`[data-testid="flow-row"][data-appointment-id="${visit.appointmentId}"]`);
    const collect = row.getByRole('button', { name: `Collect copay $25.00 from ${visit.name}` });
    await collect.waitFor();
    await expect(collect.textContent()).resolves.toBe('Collect copay $25.00');
    await expectAccessible(page, 'flow board with the copay button');
    const before = await getJson<{ items: unknown[] }>(page, `/api/patients/${visit.patientId}/payments`);

    let interactions = 0;
    const act = async (step: () => Promise<void>) => {
      interactions += 1;
      await step();
    };
    await act(() => collect.click());
    const dialog = page.getByRole('dialog', { name: `Copay: ${visit.name}` });
    await dialog.waitFor();
    // Prefilled: the amount, card, the board's location; the card's last four digits have the focus.
    await expect(dialog.getByLabel('Amount').inputValue()).resolves.toBe('25.00');
    await expect(dialog.getByRole('combobox', { name: 'Method' }).inputValue()).resolves.toBe('Card');
    await expectAccessible(page, 'copay dialog');
    await act(() => page.keyboard.type('4242'));
    await expect(dialog.getByLabel("Card's last four digits").inputValue()).resolves.toBe('4242');
    await act(() => dialog.getByRole('button', { name: 'Post', exact: true }).click());
    await dialog.getByTestId('copay-posted').waitFor();
    expect(interactions).toBeLessThanOrEqual(3);
    await expect(dialog.getByTestId('copay-posted').textContent()).resolves.toBe(`Posted $25.00 from ${visit.name}.`);
    const receipt = dialog.getByRole('link', { name: 'Print receipt' });
    const href = (await receipt.getAttribute('href')) ?? '';
    const pdf = await page.request.get(href);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await expectAccessible(page, 'copay posted, with the receipt');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await row.getByTestId('copay-collected').waitFor();

    const after = await getJson<{ items: { amountCents: number; method: string; cardLast4: string; locationId: string }[] }>(
      page,
      `/api/patients/${visit.patientId}/payments`,
    );
    expect(after.items.length).toBe(before.items.length + 1);
    expect(after.items[0]).toMatchObject({ amountCents: 2500, method: 'card', cardLast4: '4242', locationId });

    // The Account tab lists it, with its receipt.
    await page.goto(`/patients?id=${visit.patientId}`);
    await page.getByTestId('chart-header').waitFor();
    await page.getByRole('tab', { name: 'Account' }).click();
    const account = page.getByTestId('chart-account');
    await account
      .getByRole('link', { name: /^PDF receipt for \$25\.00 on / })
      .first()
      .waitFor();
    await account.getByTestId('account-guarantor').waitFor();
    await expectAccessible(page, 'account tab with the guarantor');
    expectQuietConsole(console);
  });
});
