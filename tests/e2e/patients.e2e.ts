/**
 * The front desk's patient journey in Chromium against a real server with the demo practice:
 * register, add insurance with a card image, find the patient again by a misspelled name from
 * the header search (`/`), see the chart header, coverage and document; then edit demographics
 * in two tabs, get the 412 conflict panel and reapply. No CSP violations or console errors.
 */
import { deflateSync } from 'node:zlib';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A small valid RGB PNG (a card-shaped blue rectangle with a white stripe). */
function cardPng(width = 86, height = 54): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, no interlace
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    rows.push(0); // filter: none
    for (let x = 0; x < width; x++) rows.push(...(y > 12 && y < 20 ? [255, 255, 255] : [30, 90, 200]));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function choose(scope: Page | Locator, page: Page, label: string, option: string | RegExp) {
  await scope
    .locator('input')
    .and(scope.getByLabel(label, { exact: true }))
    .click();
  await page.getByRole('option', { name: option }).first().click();
}

const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

describe('patient registry journey', () => {
  it('registers, insures with a card image, finds by a misspelled name, and resolves an edit conflict between two tabs', async () => {
    const context = await newContext(browser, server.url, 1400, 1200);
    const page = await context.newPage();
    // 412 (the conflict) and 400 (the server's field errors) are answers this test asks for.
    const watch = watchConsole(page, [401, 400, 412]);
    await signIn(page, 'front.desk@demo.clinicdesk.dev');

    // Register: a unique middle name and birth date keep duplicate detection out of the way.
    const suffix = Array.from({ length: 4 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
    const middle = `Q${suffix}`;
    const birthDate = `19${50 + Math.floor(Math.random() * 40)}-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`;
    await page.getByRole('navigation', { name: 'Modules' }).getByRole('link', { name: 'Patients' }).click();
    await page.getByRole('button', { name: 'Register patient' }).click();
    await page.getByRole('textbox', { name: 'Given name', exact: true }).fill('Zebulon');
    await page.getByRole('textbox', { name: 'Middle name', exact: true }).fill(middle);
    await page.getByRole('textbox', { name: 'Family name', exact: true }).fill('Quarterfield');
    await page.getByRole('textbox', { name: 'Date of birth', exact: true }).fill(birthDate);
    await page.getByRole('textbox', { name: 'Mobile phone', exact: true }).fill('617-555-0142');
    const alerts = page.getByRole('combobox', { name: 'Front-desk alerts' });
    await alerts.fill('needs wheelchair');
    await alerts.press('Enter');
    await page.getByRole('button', { name: 'Register', exact: true }).click();

    // The chart header: name, age, DOB, MRN, alerts, coverages (self-pay so far), balance placeholder.
    const header = page.getByTestId('chart-header');
    await header.getByRole('heading', { name: /Quarterfield, Zebulon/ }).waitFor();
    // Coverages load after the record: wait for them before reading the header.
    await header.getByText('Self-pay').waitFor();
    const headerText = (await header.textContent()) ?? '';
    const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
    const now = new Date();
    const age = now.getFullYear() - y - (now.getMonth() + 1 < m || (now.getMonth() + 1 === m && now.getDate() < d) ? 1 : 0);
    expect(headerText).toContain(`${age} y`);
    // Shown as US staff read dates (MM/DD/YYYY).
    const usBirthDate = `${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}/${y}`;
    expect(headerText).toContain(`born ${usBirthDate}`);
    expect(headerText).toMatch(/MRN \S+/);
    expect(headerText).toContain('needs wheelchair');
    expect(headerText).toContain('Self-pay');
    expect(headerText).toContain('Balance: —');
    const patientUrl = page.url();

    // Insurance with a seeded payer, then the card image on that coverage.
    await page.getByRole('tab', { name: 'Insurance' }).click();
    await choose(page, page, 'Payer', /^Aetna/);
    const memberId = `W${suffix.toUpperCase()}4471`;
    await page.getByRole('textbox', { name: 'Member id', exact: true }).fill(memberId);
    await page.getByRole('textbox', { name: 'Effective date', exact: true }).fill('2026-01-01');
    await page.getByRole('button', { name: 'Add coverage' }).click();
    const row = page.getByTestId('coverages').getByRole('row', { name: /Aetna/ });
    await row.getByText(memberId).waitFor();
    await header.getByText(`primary: Aetna ${memberId}`).waitFor();
    expect((await header.textContent()) ?? '').not.toContain('Self-pay');

    await row.getByLabel('Card image file for Aetna').setInputFiles({ name: 'card-front.png', mimeType: 'image/png', buffer: cardPng() });
    const thumb = row.getByRole('img', { name: 'Insurance card: card-front.png' });
    await thumb.waitFor();
    await expect.poll(() => thumb.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(86);
    await row.getByRole('button', { name: 'View card-front.png' }).click();
    const preview = page.getByRole('dialog', { name: 'card-front.png' });
    await preview.getByRole('img', { name: /large/ }).waitFor();
    await page.keyboard.press('Escape');
    await preview.waitFor({ state: 'hidden' });

    // `/` from another page focuses the header search; typing `/` in a field stays a character.
    await page.getByRole('navigation', { name: 'Modules' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    // Once the new page has taken focus (its h1), so nothing moves it while we type.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.keyboard.press('/');
    await expect.poll(() => focusedTestId(page)).toBe('header-patient-search');
    await page.keyboard.type('Zebulun Quartrfield');
    await expect(page.getByTestId('header-patient-search').inputValue()).resolves.toBe('Zebulun Quartrfield');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/patients\?q=Zebulun\+Quartrfield/);
    const results = page.getByTestId('patient-results');
    await results.waitFor();
    await results
      .getByRole('row', { name: new RegExp(usBirthDate) })
      .getByRole('button', { name: 'Quarterfield, Zebulon' })
      .click();
    await header.getByRole('heading', { name: /Quarterfield, Zebulon/ }).waitFor();
    expect(page.url()).toBe(patientUrl);
    await header.getByText(`primary: Aetna ${memberId}`).waitFor();
    await page.getByRole('tab', { name: 'Insurance' }).click();
    await page.getByTestId('coverages').getByRole('img', { name: 'Insurance card: card-front.png' }).waitFor();
    await page.getByRole('tab', { name: 'Documents' }).click();
    const docRow = page.getByTestId('documents').getByRole('row', { name: /card-front\.png/ });
    await docRow.getByText('Insurance card').waitFor();
    await docRow.getByText(`Aetna ${memberId}`).waitFor();

    // Two tabs edit the same record: this one opens the form first, the other saves first.
    await page.getByRole('tab', { name: 'Demographics' }).click();
    await page.getByRole('button', { name: 'Edit demographics' }).click();
    const form = page.getByTestId('demographics-form');
    await form.getByRole('textbox', { name: 'Preferred name', exact: true }).fill('Zeb');

    const other = await context.newPage();
    const otherWatch = watchConsole(other);
    await other.goto(patientUrl);
    await other.getByRole('button', { name: 'Edit demographics' }).click();
    const otherForm = other.getByTestId('demographics-form');
    // Typed key by key: `/` inside a field is a character, not the search shortcut.
    await otherForm.getByRole('textbox', { name: 'Pronouns', exact: true }).pressSequentially('he/him');
    expect(await focusedTestId(other)).not.toBe('header-patient-search');
    await otherForm.getByRole('button', { name: 'Save' }).click();
    await other.getByTestId('demographics').getByText('he/him').waitFor();

    await form.getByRole('button', { name: 'Save' }).click();
    const conflict = page.getByTestId('edit-conflict');
    await conflict.waitFor();
    const theirs = conflict.getByRole('table', { name: 'Their change' });
    await theirs.getByRole('row', { name: /Pronouns\s*—\s*he\/him/ }).waitFor();
    const mine = conflict.getByRole('table', { name: 'Your changes' });
    await mine.getByRole('row', { name: /Preferred name\s*—\s*→\s*Zeb/ }).waitFor();
    expect((await conflict.textContent()) ?? '').toMatch(/Front Desk|front desk/i);
    await conflict.getByRole('button', { name: 'Reapply my changes' }).click();
    await conflict.waitFor({ state: 'detached' });
    await page.getByTestId('demographics').getByText('he/him').waitFor();
    await header.getByText('“Zeb”').waitFor();

    // The server's field errors land under the field.
    await page.getByRole('button', { name: 'Edit demographics' }).click();
    await form.getByRole('textbox', { name: 'Phone', exact: true }).fill('12');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('not a valid phone number').waitFor();
    await form.getByText('Check the field marked below: Phone.').waitFor();
    await form.getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('demographics').waitFor();

    expect(watch.cspViolations()).toEqual([]);
    expect(watch.problems).toEqual([]);
    expect(otherWatch.problems).toEqual([]);
    await context.close();
  });
});
