/**
 * Follow-ups and recalls in Chromium against a real server with the demo practice. The front
 * desk sees this week's follow-ups on the home page, opens the worklist and books one in at
 * most three interactions (Book on the row, a time, Book: the slot search comes pre-filled),
 * then logs a call on an overdue recall in its small dialog. Both are checked through the API;
 * axe finds nothing serious on either page or dialog, and nothing breaks the CSP.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './helpers/axe.ts';
import { newContext, watchConsole } from './helpers/browser.ts';
import { expectQuietConsole, fileSession, getJson } from './helpers/session.ts';
import { signIn } from './helpers/sign-in.ts';

const session = fileSession();

const nav = (page: Page) => page.getByRole('navigation', { name: 'Modules' });

/** axe's serious findings, with the pointer parked off the nav link it just clicked (hover styles are not this page's). */
async function axe(page: Page): Promise<string[]> {
  await page.mouse.move(1390, 990);
  return seriousViolations(page);
}

interface FollowUp {
  id: string;
  patientName: string;
  status: string;
  appointmentId: string | null;
}
interface Recall {
  id: string;
  patientName: string;
  status: string;
  overdue: boolean;
  lastContact: { method: string; outcome: string; note: string } | null;
}

describe('follow-ups and recalls', () => {
  it('front desk books a follow-up in three interactions and logs a recall contact', async () => {
    const context = await newContext(session.browser, session.server.url, 1400, 1000);
    const page = await context.newPage();
    const watch = watchConsole(page);
    const fail = async (e: Error): Promise<never> => {
      await page.screenshot({ path: '/tmp/followups-e2e.png' }).catch(() => undefined);
      throw new Error(`${e.message}\n${watch.problems.join('\n')}`);
    };
    await signIn(page, 'front.desk@demo.clinicdesk.dev');

    // Home: this week's follow-ups at the selected location, as the API counts them.
    const badge = page.getByTestId('tile-follow-ups').getByLabel(/^\d+ items?$/);
    await badge.waitFor();
    const me = await getJson<{ locationId: string | null; locations: { id: string; timeZone?: string }[] }>(page, '/api/me');
    const locationId = me.locationId ?? (me.locations[0]?.id as string);
    expect(Number(await badge.textContent())).toBeGreaterThan(0);

    // The worklist, at the selected location.
    await nav(page).getByRole('link', { name: 'Follow-ups' }).click();
    await page.waitForURL(/\/follow-ups$/);
    const rows = page.getByTestId('follow-up-row');
    await rows.first().waitFor();
    const open = await getJson<{ items: FollowUp[] }>(page, `/api/follow-ups?status=open&locationId=${locationId}&limit=200`);
    expect(await rows.count()).toBe(open.items.length);
    expect(await axe(page)).toEqual([]);
    const first = open.items[0] as FollowUp;
    await rows.first().getByText(first.patientName).waitFor();

    // Book in at most three interactions, counted from the worklist on screen.
    let interactions = 0;
    const act = async (step: () => Promise<void>) => {
      interactions += 1;
      await step().catch(fail);
    };
    await act(() =>
      rows
        .first()
        .getByRole('button', { name: `Book follow-up for ${first.patientName}` })
        .click(),
    );
    const dialog = page.getByRole('dialog', { name: 'Book follow-up' });
    const slots = dialog.getByTestId('follow-up-slots').getByRole('button');
    await slots.first().waitFor();
    expect(await axe(page)).toEqual([]);
    await act(() => slots.first().click());
    await act(() => dialog.getByRole('button', { name: /^Book [A-Z][a-z]{2}, / }).click());
    await dialog.waitFor({ state: 'hidden' }).catch(fail);
    expect(interactions).toBeLessThanOrEqual(3);
    await page.getByText(`${first.patientName} is booked`).waitFor();

    const booked = await getJson<{ items: FollowUp[] }>(page, '/api/follow-ups?status=booked&limit=200');
    const mine = booked.items.find((f) => f.id === first.id);
    expect(mine?.appointmentId).toEqual(expect.any(String));
    const appointment = await getJson<{ status: string; appointmentTypeName: string }>(page, `/api/appointments/${mine?.appointmentId}`);
    expect(appointment.status).toBe('scheduled');
    expect(await rows.count()).toBe(open.items.length - 1);

    // Recalls: overdue first; log a call that left a message.
    await nav(page).getByRole('link', { name: 'Recalls' }).click();
    await page.waitForURL(/\/recalls$/);
    const recallRows = page.getByTestId('recall-row');
    await recallRows.first().waitFor();
    const overdue = await getJson<{ items: Recall[] }>(page, '/api/recalls?overdue=true&limit=200');
    expect(overdue.items.length).toBeGreaterThan(0);
    expect(await recallRows.count()).toBe(overdue.items.length);
    expect(await axe(page)).toEqual([]);
    const recall = overdue.items.find((r) => r.lastContact === null) ?? (overdue.items[0] as Recall);
    const row = recallRows.filter({ hasText: recall.patientName }).first();
    await row.getByRole('button', { name: `Log contact with ${recall.patientName}` }).click();
    const contact = page.getByRole('dialog', { name: 'Log contact' });
    await contact.getByLabel('Outcome').click();
    await page.getByRole('option', { name: 'Left a message' }).click().catch(fail);
    await contact.getByLabel('Note').fill('Voicemail, asked to call the desk');
    expect(await axe(page)).toEqual([]);
    await contact.getByRole('button', { name: 'Log contact' }).click();
    await contact.waitFor({ state: 'hidden' });
    const after = await getJson<{ items: Recall[] }>(page, '/api/recalls?overdue=true&limit=200');
    expect(after.items.find((r) => r.id === recall.id)).toMatchObject({
      status: 'contacted',
      lastContact: { method: 'phone', outcome: 'left_message', note: 'Voicemail, asked to call the desk' },
    });
    await row.getByText(/Phone call, left a message/).waitFor();

    // Another recall is no longer needed: close it; it leaves the overdue list.
    // (a patient with this one overdue recall, so the row is found by the name alone)
    const other = after.items.find(
      (r) => r.id !== recall.id && after.items.filter((x) => x.patientName === r.patientName).length === 1,
    ) as Recall;
    expect(other).toBeDefined();
    await recallRows
      .filter({ hasText: other.patientName })
      .first()
      .getByRole('button', { name: new RegExp(`^Change .+ for ${other.patientName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
      .click();
    const change = page.getByRole('dialog', { name: 'Change recall' });
    await change.getByLabel('Status').click();
    await page.getByRole('option', { name: 'Closed (no longer needed)' }).click().catch(fail);
    await change.getByRole('button', { name: 'Save recall' }).click();
    await change.waitFor({ state: 'hidden' });
    await expect
      .poll(async () => (await getJson<{ items: Recall[] }>(page, '/api/recalls?status=closed&limit=200')).items.map((r) => r.id))
      .toContain(other.id);
    await expect.poll(() => recallRows.count()).toBe(after.items.length - 1);

    expectQuietConsole(watch);
    await context.close();
  });
});
