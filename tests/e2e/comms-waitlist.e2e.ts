/**
 * Reminders and the waiting list in Chromium against a real server with the demo practice:
 * the office manager adds a reminder rule under Admin → Reminders, puts a demo patient on
 * the waiting list, fills the entry by hand from the open slots and sees the fill-rate
 * report count it. The results are verified through the API, and no page may break the CSP.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newContext, watchConsole } from './helpers/browser.ts';
import { expectQuietConsole, fileSession, getJson } from './helpers/session.ts';
import { signIn } from './helpers/sign-in.ts';

const session = fileSession();

const nav = (page: Page) => page.getByRole('navigation', { name: 'Modules' });

interface Entry {
  id: string;
  patientId: string;
  status: string;
  appointmentId: string | null;
}

describe('reminders and the waiting list', () => {
  it('office manager adds a reminder rule, fills a waiting-list entry by hand and sees the fill-rate report', async () => {
    const context = await newContext(session.browser, session.server.url, 1400, 1200);
    const page = await context.newPage();
    // 400: the refused link address below.
    const watch = watchConsole(page, [401, 400]);
    const fail = async (e: Error): Promise<never> => {
      await page.screenshot({ path: '/tmp/comms-waitlist-e2e.png' }).catch(() => undefined);
      throw new Error(`${e.message}\n${watch.problems.join('\n')}`);
    };
    await signIn(page, 'office.manager@demo.clinicdesk.dev');

    // Admin → Reminders: the demo's 72 h and 24 h rules, then a new 2 h one.
    await nav(page).getByRole('button', { name: 'Admin' }).click();
    await nav(page).getByRole('link', { name: 'Reminders' }).click();
    await page.waitForURL(/\/admin\/reminders$/);
    await page.getByTestId('reminder-rule-72').waitFor();
    await page.getByTestId('reminder-rule-24').waitFor();
    await page.getByTestId('smtp-password-state').waitFor();
    // A link address that is not one is refused under its field, and the texts' hours are saved.
    const mail = page.getByTestId('smtp-settings');
    const link = mail.getByRole('textbox', { name: 'Link address' });
    const linkBefore = await link.inputValue();
    await link.fill('not a link');
    await mail.getByRole('button', { name: 'Save mail settings' }).click();
    await mail.getByRole('alert').waitFor();
    await expect(mail.getByRole('alert').textContent()).resolves.toMatch(/Link address/);
    await link.fill(linkBefore);
    const texts = page.getByTestId('sms-settings');
    await texts.getByLabel('Texts until').fill('19:30');
    await texts.getByRole('button', { name: 'Save text settings' }).click();
    await page.getByText('Text message settings saved').waitFor();
    await expect(getJson<{ smsSendUntil: string }>(page, '/api/comms/settings')).resolves.toMatchObject({ smsSendUntil: '19:30' });
    // Out-of-range hours are refused with a message, never quietly changed to 1 h or 30 days.
    const hours = page.getByLabel('Hours before the visit');
    for (const [typed, said] of [
      ['0', 'At least 1 hour before the visit'],
      ['100000', 'At most 720 hours (30 days) before the visit'],
    ] as const) {
      await hours.fill(typed);
      await hours.blur();
      await page.getByText(said).waitFor();
      expect(await hours.inputValue()).toBe(typed);
      expect(await page.getByRole('button', { name: 'Add rule' }).isDisabled()).toBe(true);
    }
    await hours.fill('2');
    await page.getByRole('button', { name: 'Add rule' }).click();
    await page.getByTestId('reminder-rule-2').getByText('2 h before').waitFor();
    const rules = await getJson<{ items: { hoursBefore: number; active: boolean }[] }>(page, '/api/reminder-rules');
    expect(rules.items.map((r) => r.hoursBefore).sort((a, b) => a - b)).toEqual([2, 24, 72]);

    // A demo patient (not restricted) and the Annual physical type (any patient).
    const patients = await getJson<{ items: { id: string; givenName: string; familyName: string; restricted: boolean }[] }>(
      page,
      '/api/patients?limit=50',
    );
    const patient = patients.items.find((p) => !p.restricted && /^[A-Za-z]+$/.test(p.familyName));
    expect(patient).toBeDefined();
    const { id: patientId, givenName, familyName } = patient as NonNullable<typeof patient>;

    // Waiting list: add the patient for an annual physical in the next 30 days.
    await nav(page).getByRole('link', { name: 'Waiting list' }).click();
    await page.waitForURL(/\/waitlist$/);
    await page.getByTestId('fill-rate-report').getByTestId('report-fill-rate').waitFor();
    await page.getByRole('button', { name: 'Add to waiting list' }).click();
    const addDialog = page.getByRole('dialog', { name: 'Add to waiting list' });
    await addDialog.getByTestId('booking-patient-search').fill(familyName);
    await addDialog
      .getByRole('button', { name: new RegExp(`^${familyName}, ${givenName}`) })
      .first()
      .click();
    await addDialog.getByTestId('picked-patient').waitFor();
    await addDialog.getByLabel('Appointment type', { exact: true }).click();
    await page.getByRole('option', { name: 'Annual physical' }).first().click().catch(fail);
    await addDialog.getByRole('button', { name: 'Add to waiting list' }).click();
    await addDialog.waitFor({ state: 'hidden' });
    const row = page.getByTestId('waitlist-row').filter({ hasText: `${givenName} ${familyName}` });
    await row.getByText('Annual physical').waitFor();

    const waiting = await getJson<{ items: Entry[] }>(page, `/api/waitlist?patientId=${patientId}`);
    expect(waiting.items).toHaveLength(1);
    const entryId = (waiting.items[0] as Entry).id;

    // Fill by hand: the first open slot in the window books the patient.
    await row.getByRole('button', { name: /^Fill by hand/ }).click();
    const fillDialog = page.getByRole('dialog', { name: 'Fill by hand' });
    await fillDialog.getByTestId('waitlist-slots').getByRole('button').first().click().catch(fail);
    await fillDialog.waitFor({ state: 'hidden' });
    await row.waitFor({ state: 'detached' });

    const booked = await getJson<{ items: Entry[] }>(page, `/api/waitlist?status=booked&patientId=${patientId}`);
    expect(booked.items.map((e) => e.id)).toEqual([entryId]);
    const appointmentId = (booked.items[0] as Entry).appointmentId as string;
    const appointment = await getJson<{ patientId: string; status: string }>(page, `/api/appointments/${appointmentId}`);
    expect(appointment.patientId).toBe(patientId);

    // The Booked view lists it; the report counts the fill by hand.
    await page.getByText('Booked', { exact: true }).click();
    await page
      .getByTestId('waitlist-row')
      .filter({ hasText: `${givenName} ${familyName}` })
      .getByText('booked')
      .waitFor();
    await page.getByTestId('fill-rate-report').getByText('1 booked by hand').waitFor();
    const report = await getJson<{ bookedByStaff: number; fillRate: number }>(page, '/api/waitlist/report');
    expect(report.bookedByStaff).toBe(1);
    await expect(page.getByTestId('report-fill-rate').textContent()).resolves.toBe(`${Math.round(report.fillRate * 100)}%`);

    // The chart's Messages tab lists what the API has for the patient (reminders go out on the sweeper's clock).
    const messages = await getJson<{ items: { subject: string }[] }>(page, `/api/patients/${patientId}/messages`);
    await page.goto(`/patients?id=${patientId}`);
    await page.getByRole('tab', { name: 'Messages', exact: true }).click();
    if (messages.items.length)
      await page
        .getByTestId('patient-messages')
        .getByText(messages.items[0]?.subject as string)
        .waitFor();
    else await page.getByText('No messages were sent to this patient.').waitFor();

    expectQuietConsole(watch);
    await context.close();
  });
});
