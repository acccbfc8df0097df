/**
 * Appointment types from the screen (issue 11, item 10), in Chromium against a real server with
 * the demo practice: the office manager (schedule:manage) adds "Telehealth check-in" on Schedule
 * set-up, finds it in Next available's Type list, edits its duration, is told under the Name
 * field when a name is taken, and deactivates it: it leaves the booking list and shows under
 * "Show inactive". Each change is checked through the API too; the open form passes axe.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './helpers/axe.ts';
import { launchBrowser, newContext, watchConsole } from './helpers/browser.ts';
import { startServer, type TestServer } from './helpers/server.ts';
import { signIn } from './helpers/sign-in.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface Type {
  id: string;
  name: string;
  durationMinutes: number;
  patientKind: string;
  resourceKinds: string[];
  providerIds: string[];
  active: boolean;
}

const NAME = 'Telehealth check-in';
const nav = (page: Page) => page.getByRole('navigation', { name: 'Modules' });

async function allTypes(page: Page): Promise<Type[]> {
  const res = await page.request.get('/api/appointment-types?includeInactive=true');
  expect(res.status()).toBe(200);
  return ((await res.json()) as { items: Type[] }).items;
}

/** The type's row in the set-up table. */
const row = (page: Page, name: string): Locator =>
  page.getByRole('table', { name: 'Appointment types' }).getByRole('row').filter({ hasText: name });

/** No serious or critical axe violation, polled so a dialog fading in is judged once it is opaque. */
async function expectAccessible(page: Page, where: string): Promise<void> {
  await expect.poll(() => seriousViolations(page), { timeout: 10_000, interval: 300, message: where }).toEqual([]);
}

/** Admin → Schedule set-up from the menu, or the Schedule page's own Set-up link. */
async function openSetup(page: Page, from: 'menu' | 'schedule'): Promise<void> {
  if (from === 'menu') {
    await nav(page).getByRole('button', { name: 'Admin' }).click();
    await nav(page).getByRole('link', { name: 'Schedule set-up' }).click();
  } else {
    await page.getByRole('main').getByRole('link', { name: 'Set-up' }).click();
  }
  await page.waitForURL(/\/schedule\/setup$/);
  await row(page, 'Annual physical').waitFor();
}

/** The names Next available's Type list offers on the Schedule page (the booking list). */
async function bookableTypes(page: Page): Promise<string[]> {
  await nav(page).getByRole('link', { name: 'Schedule', exact: true }).click();
  await page.waitForURL(/\/schedule$/);
  const type = page.getByTestId('next-available').getByRole('combobox', { name: 'Type', exact: true });
  await type.click();
  const listbox = page.getByRole('listbox');
  await listbox.getByRole('option', { name: 'Annual physical' }).waitFor();
  const names = await listbox.getByRole('option').allTextContents();
  await page.keyboard.press('Escape');
  await listbox.waitFor({ state: 'hidden' });
  return names;
}

describe('appointment types on schedule set-up', () => {
  it('office manager adds, books from, edits, is refused a taken name, and deactivates a type', async () => {
    const context = await newContext(browser, server.url, 1400, 1100);
    const page = await context.newPage();
    // The duplicate name is refused on purpose (409).
    const watch = watchConsole(page, [409]);
    const fail = async (e: Error): Promise<never> => {
      await page.screenshot({ path: '/tmp/appointment-types-e2e.png', fullPage: true }).catch(() => undefined);
      throw new Error(`${e.message}\n${watch.problems.join('\n')}`);
    };
    try {
      await signIn(page, 'office.manager@demo.clinicdesk.dev');
      await openSetup(page, 'menu');
      const before = await allTypes(page);
      expect(before.some((t) => t.name === NAME)).toBe(false);

      // Add: the form is a named dialog with labelled fields, and passes axe while open.
      await page.getByRole('button', { name: 'Add type' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add appointment type' });
      await dialog.waitFor();
      await expectAccessible(page, 'set-up with the add form open');
      await dialog.getByRole('textbox', { name: 'Name' }).fill(NAME);
      await dialog.getByRole('textbox', { name: 'Duration (minutes)' }).fill('15');
      await dialog.getByRole('combobox', { name: 'Patients', exact: true }).click();
      await page.getByRole('option', { name: 'Established patients only' }).click();
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const added = row(page, NAME);
      await added.waitFor();
      expect(await added.getByRole('cell').allTextContents()).toEqual(
        expect.arrayContaining(['15 min', 'Established patients only', 'Every provider', 'None', 'Not allowed', 'Active']),
      );
      const created = (await allTypes(page)).find((t) => t.name === NAME);
      expect(created).toMatchObject({
        durationMinutes: 15,
        patientKind: 'established',
        resourceKinds: [],
        providerIds: [],
        active: true,
      });

      // It is offered for booking.
      expect(await bookableTypes(page)).toContain(NAME);

      // Edit the duration to 20 minutes.
      await openSetup(page, 'schedule');
      await row(page, NAME)
        .getByRole('button', { name: `Edit ${NAME}` })
        .click();
      const edit = page.getByRole('dialog', { name: `Edit ${NAME}` });
      await edit.waitFor();
      expect(await edit.getByRole('textbox', { name: 'Duration (minutes)' }).inputValue()).toBe('15');
      await edit.getByRole('textbox', { name: 'Duration (minutes)' }).fill('20');
      await edit.getByRole('button', { name: 'Save' }).click();
      await edit.waitFor({ state: 'hidden' });
      await row(page, NAME).getByRole('cell', { name: '20 min', exact: true }).waitFor();
      expect((await allTypes(page)).find((t) => t.name === NAME)).toMatchObject({ durationMinutes: 20, patientKind: 'established' });

      // A taken name: the message sits under the Name field, and nothing is added.
      await page.getByRole('button', { name: 'Add type' }).click();
      await dialog.waitFor();
      const name = dialog.getByRole('textbox', { name: 'Name' });
      await name.fill(NAME);
      await dialog.getByRole('textbox', { name: 'Duration (minutes)' }).fill('30');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await page.waitForFunction(() => {
        const input = [...document.querySelectorAll('[role="dialog"] input')].find((i) => i.getAttribute('aria-invalid') === 'true');
        return input !== undefined;
      });
      expect(await name.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await name.getAttribute('aria-describedby')) ?? '';
      const described = await page.evaluate(
        (ids) =>
          ids
            .split(/\s+/)
            .map((id) => document.getElementById(id)?.textContent ?? '')
            .join(' '),
        describedBy,
      );
      expect(described).toContain('Name already in use.');
      await expectAccessible(page, 'set-up with the add form showing a taken name');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect((await allTypes(page)).filter((t) => t.name === NAME)).toHaveLength(1);

      // Deactivate: it leaves the table (active only) and shows under "Show inactive".
      await row(page, NAME)
        .getByRole('button', { name: `Deactivate ${NAME}` })
        .click();
      await row(page, NAME).waitFor({ state: 'detached' });
      expect((await allTypes(page)).find((t) => t.name === NAME)?.active).toBe(false);
      await page.getByRole('switch', { name: 'Show inactive' }).check();
      const inactive = row(page, NAME);
      await inactive.getByText('Inactive', { exact: true }).waitFor();
      await inactive.getByRole('button', { name: `Reactivate ${NAME}` }).waitFor();

      // And it is no longer offered for booking.
      const offered = await bookableTypes(page);
      expect(offered).toContain('Annual physical');
      expect(offered).not.toContain(NAME);
      expect(watch.problems).toEqual([]);
    } catch (e) {
      await fail(e as Error);
    } finally {
      await context.close();
    }
  });
});
