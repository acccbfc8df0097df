/**
 * The call log in Chromium against a real server with the demo practice. The front desk opens
 * "Log a call" from the header with the keyboard, types a demo patient's number and sees the
 * caller found, logs a refill request with a follow-up task for themselves, finds that task in
 * Tasks and completes it, then sees the call on the patient's chart. The "who called while I
 * was out" page shows the demo's waiting calls. axe finds nothing serious on the dialog or the
 * pages, and nothing breaks the CSP.
 */
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectQuietConsole, fileSession, getJson, nav, openAs } from './helpers/session.ts';

const session = fileSession();

interface Call {
  id: string;
  phone: string;
  patientId: string | null;
  patientName: string | null;
  reason: string;
  note: string;
  followUp: string;
  taskId: string | null;
}
interface Task {
  id: string;
  title: string;
  status: string;
  patientId: string | null;
  source: string;
  sourceId: string | null;
}

describe('calls', () => {
  it('front desk logs a call from the header, finds the caller by number, makes the follow-up task and completes it', async () => {
    const { page, watch } = await openAs(session, 'front.desk@demo.clinicdesk.dev', { width: 1400, height: 1000 });
    const me = await getJson<{ user: { id: string; displayName: string } }>(page, '/api/me');
    // A demo caller matched by number: their number finds exactly them.
    const demo = await getJson<{ items: Call[] }>(page, '/api/calls?limit=100');
    const known = demo.items.find((c) => c.patientId !== null) as Call;
    expect(known).toBeDefined();
    const lookup = await getJson<{ candidates: { id: string }[] }>(page, `/api/calls/caller?phone=${encodeURIComponent(known.phone)}`);
    const digits = known.phone.slice(2);
    const typed = `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;

    // "Log a call" is reachable from the keyboard.
    const button = page.getByRole('button', { name: 'Log a call' });
    await button.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Log a call' });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: 'Phone number' }).fill(typed);
    const candidates = dialog.getByTestId('caller-candidates');
    await candidates.waitFor();
    expect(await candidates.getByRole('radio').count()).toBe(lookup.candidates.length + 1);
    const caller = candidates.getByRole('radio', { name: new RegExp(`^${known.patientName}`) });
    if (lookup.candidates.length > 1) await caller.check();
    await expect.poll(() => caller.isChecked()).toBe(true);
    await expectAccessible(page, 'log a call dialog');

    await dialog.getByRole('combobox', { name: 'Reason' }).click();
    await page.getByRole('option', { name: 'Refill request' }).click();
    await dialog.getByRole('textbox', { name: 'Note' }).fill('Needs atorvastatin 20 mg, out on Friday');
    await dialog.getByRole('checkbox', { name: 'Create a follow-up task' }).check();
    await dialog.getByRole('combobox', { name: 'Assign to' }).fill(me.user.displayName);
    await page.getByRole('option', { name: me.user.displayName }).click();
    await dialog.getByLabel('Due').fill('2030-01-15');
    await expectAccessible(page, 'log a call dialog with a follow-up');
    await dialog.getByRole('button', { name: 'Log call' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(`Call logged (${known.patientName}), follow-up task created`).waitFor();

    const logged = (await getJson<{ items: Call[] }>(page, `/api/calls?patientId=${known.patientId}&limit=1`)).items[0] as Call;
    expect(logged).toMatchObject({ reason: 'refill_request', note: 'Needs atorvastatin 20 mg, out on Friday', followUp: 'open' });
    const task = await getJson<Task>(page, `/api/tasks/${logged.taskId}`);
    expect(task).toMatchObject({
      title: 'Call back: refill request',
      status: 'open',
      patientId: known.patientId,
      source: 'call',
      sourceId: logged.id,
    });

    // The task is in my tasks; completing it takes it off the list.
    await nav(page).getByRole('link', { name: 'Tasks' }).click();
    await page.waitForURL(/\/tasks$/);
    const row = page.getByTestId('task-row').filter({ hasText: 'Call back: refill request' });
    await row.waitFor();
    await row.getByText(known.patientName as string).waitFor();
    // The pointer parked off the nav link it just clicked (hover styles are not this page's).
    await page.mouse.move(1390, 990);
    await expectAccessible(page, 'tasks');
    await row.getByRole('button', { name: 'Complete Call back: refill request' }).click();
    await page.getByText('Done: Call back: refill request').waitFor();
    await row.waitFor({ state: 'detached' });
    expect((await getJson<Task>(page, `/api/tasks/${task.id}`)).status).toBe('done');

    // Who called while I was out: the demo's waiting calls and this one.
    await nav(page).getByRole('link', { name: 'Calls', exact: true }).click();
    await page.waitForURL(/\/calls$/);
    await page.getByTestId('waiting-by-user').waitFor();
    await page.getByTestId('call-row').first().waitFor();
    await page.mouse.move(1390, 990);
    await expectAccessible(page, 'calls');

    // The call on the patient's chart.
    await page.goto(`/patients?q=${encodeURIComponent(typed)}`);
    await page
      .getByRole('button', { name: new RegExp(`${(known.patientName as string).split(' ').reverse().join(', ')}`) })
      .first()
      .click();
    await page.getByTestId('chart-header').waitFor();
    await page.getByRole('tab', { name: 'Calls' }).click();
    await page.getByRole('tab', { name: 'Calls', selected: true }).waitFor();
    await page.getByTestId('call-row').filter({ hasText: 'Needs atorvastatin 20 mg' }).waitFor();
    await expectAccessible(page, 'chart: calls');
    expectQuietConsole(watch);
  });
});
