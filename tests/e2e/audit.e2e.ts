/**
 * Admin → Audit in Chromium against a real server (issue 11, items 6, 16 and 17): the trail reads
 * times on the selected location's clock (the browser here runs on Tokyo time) and says which,
 * shows names where ids were, filters by a patient found by name, and tells the chain check in
 * words; the break-glass report names the patient. Reading one's own account leaves no rows.
 * The UI itself arrives brotli-compressed, its hashed files cached as immutable.
 */
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './helpers/axe.ts';
import { type ConsoleWatch, launchBrowser, watchConsole } from './helpers/browser.ts';
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

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const CSRF = { 'x-clinicdesk-csrf': '1' };

interface Event {
  seq: number;
  occurredAt: string;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  userId: string | null;
  patientId: string | null;
  patientName: string | null;
}

async function open(): Promise<{ context: BrowserContext; page: Page; watch: ConsoleWatch; responses: Response[] }> {
  // The browser's zone is neither location's: a time shown on it would be visibly wrong.
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1400, height: 900 }, timezoneId: 'Asia/Tokyo' });
  const page = await context.newPage();
  const responses: Response[] = [];
  page.on('response', (r) => responses.push(r));
  return { context, page, watch: watchConsole(page), responses };
}

/** `instant` as the trail shows it on `zone`'s clock (ICU's spaces made plain). */
const shownIn = (instant: string, zone: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: zone, dateStyle: 'medium', timeStyle: 'medium' })
    .format(new Date(instant))
    .replace(/\s/g, ' ');
const plain = (s: string | null) => (s ?? '').replace(/\s/g, ' ').trim();

async function apiGet<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(url);
  expect(res.status(), `${url}: ${await res.text()}`).toBe(200);
  return (await res.json()) as T;
}

describe('the audit screens', () => {
  it('sends the UI compressed, hashed files cached for a year, index.html revalidated', async () => {
    const { context, page, responses } = await open();
    await page.goto('/login');
    await page.getByRole('textbox', { name: 'Email' }).waitFor();
    const doc = responses.find((r) => new URL(r.url()).pathname === '/login');
    expect(doc?.headers()['content-encoding']).toBe('br');
    expect(doc?.headers()['cache-control']).toBe('no-cache');
    expect(doc?.headers()['content-security-policy']).toContain("script-src 'self'");
    const assets = responses.filter((r) => /\/assets\/.+\.(js|css)$/.test(new URL(r.url()).pathname));
    expect(assets.length).toBeGreaterThan(1);
    for (const r of assets) {
      // A chunk of a few bytes (a shared no-op) is sent as is: brotli would make it bigger.
      const tiny = (await r.body()).length < 100 && r.headers()['content-encoding'] === undefined;
      if (!tiny) expect(r.headers()['content-encoding'], r.url()).toBe('br');
      expect(r.headers()['cache-control'], r.url()).toBe('public, max-age=31536000, immutable');
    }
    expect(assets.filter((r) => r.headers()['content-encoding'] === 'br').length).toBeGreaterThan(1);
    await context.close();
  });

  it("shows the trail on the clinic's clock with names, filters by a patient picked by name, and tells the chain check in words", async () => {
    const { context, page, watch } = await open();
    await signIn(page, 'office.manager@demo.clinicdesk.dev');
    const me = (await apiGet<{ user: { id: string; displayName: string } }>(page, '/api/me')).user;

    // A patient the office manager opens, so the trail has an event about them.
    const found = await apiGet<{ items: { id: string; givenName: string; familyName: string; locked: boolean }[] }>(
      page,
      '/api/patients?q=a&limit=20',
    );
    const patient = found.items.find((p) => !p.locked);
    if (!patient) throw new Error('the demo registry has no open patient matching "a"');
    await apiGet(page, `/api/patients/${patient.id}`);
    const name = `${patient.givenName} ${patient.familyName}`;

    await page.goto('/admin/audit');
    await page.getByRole('heading', { name: 'Audit', level: 1 }).waitFor();
    const zoneLine = page.getByTestId('audit-zone');
    await expect.poll(() => zoneLine.textContent()).toMatch(/America\/(New_York|Denver), the clock of /);
    const firstZone = (await zoneLine.textContent())?.includes('America/Denver') ? 'America/Denver' : 'America/New_York';

    const table = page.getByRole('table', { name: 'Audit trail' });
    await table.waitFor();
    // The home page's tiles write their own read rows as they load: look for this patient's.
    const latest = (await apiGet<{ items: Event[] }>(page, `/api/audit?patientId=${patient.id}&limit=5`)).items;
    const shownRow = latest.find((e) => e.action === 'read' && e.resourceType === 'patient' && e.patientId === patient.id);
    if (!shownRow) throw new Error('the patient read is not among the latest events');
    const when = table.locator(`time[datetime="${shownRow.occurredAt}"]`);
    await expect.poll(async () => plain(await when.textContent())).toBe(shownIn(shownRow.occurredAt, firstZone));

    // Another location, another clock: the same instant is shown on it.
    const otherZone = firstZone === 'America/Denver' ? 'America/New_York' : 'America/Denver';
    await page.getByRole('combobox', { name: 'Location' }).click();
    await page.getByRole('option', { name: otherZone === 'America/Denver' ? 'Denver Westside Clinic' : 'Springfield Main Clinic' }).click();
    await expect.poll(() => zoneLine.textContent()).toContain(otherZone);
    await expect.poll(async () => plain(await when.textContent())).toBe(shownIn(shownRow.occurredAt, otherZone));
    expect(shownIn(shownRow.occurredAt, otherZone)).not.toBe(shownIn(shownRow.occurredAt, 'Asia/Tokyo'));

    // Names, not ids, in the who / what / patient columns.
    const row = table.locator('tbody tr', { has: page.locator(`time[datetime="${shownRow.occurredAt}"]`) });
    const cells = await row.locator('td').allTextContents();
    expect(cells[2]).toContain(me.displayName);
    expect(cells[4]).toContain(name);
    expect(cells[5]).toContain(name);
    for (const r of await table.locator('tbody tr').all()) {
      const c = await r.locator('td').allTextContents();
      expect([c[2], c[4], c[5]].join(' | ')).not.toMatch(UUID);
    }

    // The patient filter: type the name, pick the patient; the trail asks for their id only.
    const filter = page.getByRole('combobox', { name: 'Patient', exact: true });
    await filter.fill(patient.familyName);
    const filtered = page.waitForRequest(
      (r) => new URL(r.url()).pathname === '/api/audit' && new URL(r.url()).searchParams.get('patientId') === patient.id,
    );
    await page
      .getByRole('option', { name: new RegExp(`^${patient.givenName} ${patient.familyName} \\(born`) })
      .first()
      .click();
    await filtered;
    await expect
      .poll(async () => {
        const patients = await table.locator('tbody tr td:nth-child(6)').allTextContents();
        return patients.length > 0 && patients.every((p) => p === name);
      })
      .toBe(true);

    expect(await seriousViolations(page)).toEqual([]);

    // The chain check, in words.
    await page.getByRole('button', { name: 'Verify integrity' }).click();
    await expect
      .poll(() => page.getByTestId('audit-verification').textContent())
      .toMatch(/The audit trail is intact: [\d,]+ entries checked\./);

    // Reading one's own account left no trace, whatever the shell fetched on the way.
    const reads = await apiGet<{ items: Event[] }>(page, `/api/audit?userId=${me.id}&action=read&limit=200`);
    expect(reads.items.filter((e) => e.resourceType === 'user' && e.resourceId === me.id)).toEqual([]);
    expect(watch.problems).toEqual([]);
    await context.close();
  });

  it('names the patient in the break-glass report for a reviewer who may open the record', async () => {
    const { context, page, watch } = await open();
    await signIn(page, 'office.manager@demo.clinicdesk.dev');
    type Page_ = { items: { id: string; givenName: string; familyName: string; locked: boolean }[]; nextCursor: string | null };
    let locked: Page_['items'][number] | undefined;
    // Locked entries come only from a search with terms (never the bare registry list): try each initial.
    for (const letter of 'abcdefghijklmnopqrstuvwxyz') {
      const list: Page_ = await apiGet<Page_>(page, `/api/patients?q=${letter}&limit=100`);
      locked = list.items.find((p) => p.locked);
      if (locked) break;
    }
    if (!locked) throw new Error('the demo registry shows this user no restricted record');
    const opened = await page.request.post(`/api/patients/${locked.id}/break-glass`, {
      headers: CSRF,
      data: { reason: 'checking an emergency visit from last night' },
    });
    expect(opened.status(), await opened.text()).toBe(201);

    await page.goto('/admin/audit');
    await page.getByRole('tab', { name: 'Break-glass' }).click();
    const grants = page.getByRole('table', { name: 'Break-glass grants' });
    await grants.waitFor();
    const row = grants.locator('tbody tr').first();
    await expect.poll(() => row.textContent()).toContain(`${locked.givenName} ${locked.familyName}`);
    expect(await grants.textContent()).not.toMatch(UUID);
    expect(await seriousViolations(page)).toEqual([]);
    expect(watch.problems).toEqual([]);
    await context.close();
  });
});
