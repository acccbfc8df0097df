/**
 * The web shell in Chromium against a real server: sign-in, nav by permission, location
 * switching, sign-out leaving nothing behind, the idle sign-out notice, and Admin → Locations.
 * Every page must run under the server's strict CSP with no violations or console errors.
 */
import { isValidNpi } from '@domain/shared/validation.ts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleWatch, launchBrowser, newContext, watchConsole } from './helpers/browser.ts';
import { startServer, type TestServer } from './helpers/server.ts';
import { fitsWidth, signIn } from './helpers/sign-in.ts';

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

/** A fresh context and page; `expectedStatuses` are failed loads the test causes on purpose. */
async function open(width = 1280, expectedStatuses = [401]): Promise<{ context: BrowserContext; page: Page; watch: ConsoleWatch }> {
  const context = await newContext(browser, server.url, width);
  const page = await context.newPage();
  return { context, page, watch: watchConsole(page, expectedStatuses) };
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Modules' });

describe('front desk', () => {
  it('signs in, sees the shell for its role, switches location and signs out leaving nothing behind', async () => {
    const { context, page, watch } = await open();
    // A signed-out deep link lands on the login page and returns there afterwards; this one is
    // outside front desk's role, so the shell refuses it too (the server would answer 403).
    await page.goto('/admin/locations');
    await page.waitForURL(/\/login\?next=%2Fadmin%2Flocations$/);
    await page.getByRole('textbox', { name: 'Email' }).fill('front.desk@demo.clinicdesk.dev');
    await page.getByLabel(/^Password/).fill('clinicdesk-demo-2026');
    await page.getByLabel(/^Password/).press('Enter');
    await page.waitForURL(/\/admin\/locations$/);
    await expect(page.getByTestId('practice-name').textContent()).resolves.toBe('Demo Family Practice');
    await page.getByRole('heading', { name: 'Not available' }).waitFor();
    // The shell renders under the strict CSP: nothing was blocked.
    expect(watch.cspViolations()).toEqual([]);

    // The nav lists what front desk may use, and nothing else.
    // (Other modules may add items; these must be there and Billing must not.)
    const links = await nav(page).getByRole('link').allTextContents();
    expect(links).toEqual(
      expect.arrayContaining(['Dashboard', 'Patients', 'Schedule', 'Flow board', 'Calls', 'Tasks', 'Letters', 'Texts']),
    );
    expect(links).not.toContain('Billing');
    // The office dashboard is the managers' (report:read).
    expect(links).not.toContain('Office dashboard');
    await expect(nav(page).getByRole('button', { name: 'Admin' }).count()).resolves.toBe(0);

    // The location choice goes out as x-location-id and is remembered for the tab only.
    const switcher = page.getByRole('combobox', { name: 'Location' });
    // The first location is chosen as soon as the list arrives.
    await expect.poll(() => switcher.inputValue()).not.toBe('');
    const first = await switcher.inputValue();
    expect(['Denver Westside Clinic', 'Springfield Main Clinic']).toContain(first);
    const other = first === 'Denver Westside Clinic' ? 'Springfield Main Clinic' : 'Denver Westside Clinic';
    await switcher.click();
    await page.getByRole('option', { name: other }).click();
    await expect(switcher.inputValue()).resolves.toBe(other);
    const chosen = await page.evaluate(() => sessionStorage.getItem('clinicdesk.locationId'));
    expect(chosen).toMatch(/^[0-9a-f-]{36}$/);
    const meRequest = page.waitForRequest((r) => r.url().endsWith('/api/me'));
    await page.reload();
    expect((await meRequest).headers()['x-location-id']).toBe(chosen);
    await expect.poll(() => switcher.inputValue()).toBe(other);

    // Nav links route on the client and mark the current page; unknown routes get the not-found page.
    await nav(page).getByRole('link', { name: 'Patients' }).click();
    await page.waitForURL(/\/patients$/);
    await nav(page).getByRole('link', { name: 'Patients' }).and(page.locator('[aria-current="page"]')).waitFor();
    await page.goto('/no-such-page');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();

    // Keyboard: the first Tab reaches the skip link, which moves focus to the page.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');

    // Readable without horizontal scrolling at both desktop widths.
    for (const width of [1280, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      await expect(fitsWidth(page), `width ${width}`).resolves.toBe(true);
    }

    await page.getByRole('button', { name: 'Demo Front Desk' }).click();
    await expect(page.getByTestId('user-roles').textContent()).resolves.toBe('Front desk');
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login$/);
    const left = await page.evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      idb: (await indexedDB.databases()).length,
    }));
    expect(left).toEqual({ local: 0, session: 0, idb: 0 });
    const me = await page.request.get('/api/me');
    expect(me.status()).toBe(401);

    expect(watch.cspViolations()).toEqual([]);
    expect(watch.problems).toEqual([]);
    await context.close();
  });

  it('leaves an unattended screen for the login page, with the inactivity notice, once the server ends the session', async () => {
    const { context, page, watch } = await open();
    await signIn(page, 'front.desk@demo.clinicdesk.dev');
    // End the session behind the browser's back, as the idle timeout would.
    const cookie = (await context.cookies()).find((c) => c.name === 'cd_session');
    expect(cookie).toBeDefined();
    const ended = await fetch(`${server.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: `cd_session=${cookie?.value}`, 'x-clinicdesk-csrf': '1' },
    });
    expect(ended.status).toBe(204);

    // Nobody touches the page: the shell's session poll notices and leaves for the login page.
    // The router changes the URL before React has rendered the (lazy) login page, so wait for
    // the page itself before checking that the shell is gone.
    await page.waitForURL(/\/login\?signedOut=idle$/, { timeout: 60_000 });
    await page.getByText('You were signed out after inactivity.').waitFor();
    await expect(page.getByTestId('practice-name').count()).resolves.toBe(0);
    expect(watch.problems).toEqual([]);
    await context.close();
  });
});

/** A valid NPI (correct check digit) from a 9-digit stem. */
function npiFrom(stem: string): string {
  for (let d = 0; d <= 9; d++) if (isValidNpi(`${stem}${d}`)) return `${stem}${d}`;
  throw new Error('unreachable');
}

describe('admin', () => {
  it('opens Admin → Locations, creates a location and edits it, including a concurrent edit', async () => {
    // Validation (400) and the deliberate conflict (412) are expected failed loads on this page.
    const { context, page, watch } = await open(1920, [400, 412]);
    await signIn(page, 'admin@demo.clinicdesk.dev');
    await nav(page).getByRole('button', { name: 'Admin' }).click();
    await nav(page).getByRole('link', { name: 'Locations' }).click();
    await page.waitForURL(/\/admin\/locations$/);
    const table = page.getByRole('table', { name: 'Locations' });
    await table.getByText('Springfield Main Clinic').waitFor();

    await page.getByRole('button', { name: 'Add location' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Boulder North Clinic');
    await dialog.getByLabel('Address line 1').fill('4800 Baseline Rd');
    await dialog.getByLabel('City').fill('Boulder');
    await dialog.getByRole('combobox', { name: 'State' }).fill('CO');
    await page.getByRole('option', { name: 'CO', exact: true }).click();
    await dialog.getByLabel('ZIP code').fill('80303');
    await dialog.getByLabel('Phone').fill('(303) 736-0142');
    await dialog.getByRole('combobox', { name: 'Time zone' }).fill('America/Denver');
    await page.getByRole('option', { name: 'America/Denver', exact: true }).click();
    // A wrong check digit: the server's message appears on the field itself.
    await dialog.getByLabel('Billing NPI').fill('1234567890');
    await dialog.getByRole('button', { name: 'Add location' }).click();
    await dialog.getByText('not a valid NPI').waitFor();
    expect(await dialog.getByLabel('Billing NPI').getAttribute('aria-invalid')).toBe('true');
    await dialog.getByLabel('Billing NPI').fill(npiFrom('987654321'));
    await dialog.getByLabel('Billing NPI').press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const row = table.getByRole('row', { name: /Boulder North Clinic/ });
    await row.getByText('4800 Baseline Rd, Boulder, CO 80303').waitFor();
    await row.getByText('America/Denver').waitFor();

    // Edit: the change is saved and shown.
    await page.getByRole('button', { name: 'Edit Boulder North Clinic' }).click();
    await dialog.getByLabel('City').fill('Louisville');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByText('4800 Baseline Rd, Louisville, CO 80303').waitFor();

    // Someone else saves while the form is open: the user sees their values and can take them.
    await page.getByRole('button', { name: 'Edit Boulder North Clinic' }).click();
    const list = await (await page.request.get('/api/locations?includeInactive=true')).json();
    const { id, version, ...fields } = list.items.find((l: { name: string }) => l.name === 'Boulder North Clinic');
    // The whole record, as the UI sends it (a partial PATCH resets omitted fields to defaults today).
    const other = await page.request.patch(`/api/locations/${id}`, {
      headers: { 'x-clinicdesk-csrf': '1', 'if-match': `"${version}"` },
      data: { ...fields, city: 'Lafayette' },
    });
    expect(other.status()).toBe(200);
    await dialog.getByLabel('Address line 2').fill('Suite 200');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    const notice = dialog.getByTestId('conflict-notice');
    await notice.getByText('changed by someone else').waitFor();
    await expect(notice.getByRole('row', { name: /City/ }).textContent()).resolves.toBe('CityLafayetteLouisville');
    await notice.getByRole('button', { name: 'Load current values' }).click();
    await expect(dialog.getByLabel('City').inputValue()).resolves.toBe('Lafayette');
    await dialog.getByLabel('Address line 2').fill('Suite 200');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByText('4800 Baseline Rd, Lafayette, CO 80303').waitFor();

    // Rooms of the new location: add one, take it out of service.
    await page.getByRole('combobox', { name: 'Rooms of location' }).click();
    await page.getByRole('option', { name: 'Boulder North Clinic' }).click();
    await page.getByText('No rooms at this location yet.').waitFor();
    await page.getByLabel('New room').fill('Exam North 1');
    await page.getByRole('button', { name: 'Add room' }).click();
    const rooms = page.getByRole('table', { name: 'Rooms at Boulder North Clinic' });
    await rooms.getByRole('row', { name: /Exam North 1 exam room In service/ }).waitFor();
    await page.getByRole('button', { name: 'Take Exam North 1 out of service' }).click();
    await rooms.getByText('Out of service').waitFor();
    const saved = await (await page.request.get(`/api/rooms?locationId=${id}&includeInactive=true`)).json();
    expect(saved.items).toEqual([expect.objectContaining({ name: 'Exam North 1', kind: 'exam room', active: false })]);

    await expect(fitsWidth(page)).resolves.toBe(true);
    expect(watch.cspViolations()).toEqual([]);
    expect(watch.problems).toEqual([]);
    await context.close();
  });
});
