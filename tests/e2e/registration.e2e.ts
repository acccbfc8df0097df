/**
 * Registration as the front office types it (issue 11, items 6 and 7), in Chromium against a
 * real server with the demo practice: State "co" + Enter picks Colorado without submitting;
 * 07/14/1985 is taken and 02/30/1985 refused on the field; a field the server refuses shows a
 * plain message under its label; registering with insurance creates the patient and the
 * coverage (the chart's Insurance tab); Admin → Payers adds a payer the coverage form then offers.
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

async function choose(scope: Page | Locator, page: Page, label: string, option: string | RegExp) {
  await scope
    .locator('input')
    .and(scope.getByLabel(label, { exact: true }))
    .click();
  await page.getByRole('option', { name: option }).first().click();
}

/** The text of what the input's aria-describedby points at (Mantine's error line under the field). */
async function describedBy(page: Page, input: Locator): Promise<string> {
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}

const letters = (n: number) => Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');

describe('registration', () => {
  it('picks a state with Enter, takes US dates, explains a refused field, registers with insurance; a new payer is offered', async () => {
    const context = await newContext(browser, server.url, 1400, 1200);
    const page = await context.newPage();
    // The 400 is the refused phone this test asks for.
    const watch = watchConsole(page, [401, 400]);
    await signIn(page, 'office.manager@demo.clinicdesk.dev');

    const suffix = letters(5);
    const family = `Plainword${suffix}`;
    await page.getByRole('navigation', { name: 'Modules' }).getByRole('link', { name: 'Patients' }).click();
    await page.getByRole('button', { name: 'Register patient' }).click();
    await page.getByRole('heading', { name: 'Register a patient' }).waitFor();

    // State: "co" + Enter picks Colorado and does not submit the form.
    const state = page.locator('input').and(page.getByLabel('State', { exact: true }));
    await state.click();
    await state.pressSequentially('co');
    await page.getByRole('option', { name: 'Colorado (CO)' }).waitFor();
    await state.press('Enter');
    await expect.poll(() => state.inputValue()).toBe('Colorado (CO)');
    expect(await page.getByText('Enter the given name.').count()).toBe(0);
    await page.getByRole('heading', { name: 'Register a patient' }).waitFor();

    // Birth date: an impossible day is refused on the field; the US way of writing it is taken.
    const dob = page.getByRole('textbox', { name: 'Date of birth', exact: true });
    await dob.fill('02/30/1985');
    await dob.press('Tab');
    await page.getByText('February 1985 has no day 30.').waitFor();
    expect(await describedBy(page, dob)).toContain('February 1985 has no day 30.');
    await dob.fill('1985-07-14');
    await dob.press('Tab');
    await expect.poll(() => dob.inputValue()).toBe('07/14/1985');
    await page.getByText('February 1985 has no day 30.').waitFor({ state: 'detached' });
    await dob.fill('07/14/1985');
    await dob.press('Tab');
    expect(await dob.getAttribute('aria-invalid')).not.toBe('true');

    await page.getByRole('textbox', { name: 'Given name', exact: true }).fill('Ada');
    await page.getByRole('textbox', { name: 'Family name', exact: true }).fill(family);
    await page.getByRole('textbox', { name: 'Street address', exact: true }).fill('1 Elm St');
    await page.getByRole('textbox', { name: 'City', exact: true }).fill('Denver');
    await page.getByRole('textbox', { name: 'ZIP', exact: true }).fill('80202');

    // A number the browser cannot judge (no 113 area code exists): the server's plain words, under the field.
    const phone = page.getByRole('textbox', { name: 'Mobile phone', exact: true });
    await phone.fill('(113) 555-0142');
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await page.getByText('Check the field marked below: Mobile phone.').waitFor();
    await expect.poll(() => describedBy(page, phone)).toContain('Not a valid phone number: include the area code');
    expect(await page.locator('body').textContent()).not.toMatch(/request body is invalid|Invalid input|expected string/);

    // Insurance in the same flow: payer, member id, group, another person as subscriber.
    await phone.fill('303-555-0142');
    await page.getByRole('checkbox', { name: /Add insurance/ }).check();
    const insurance = page.getByTestId('registration-insurance');
    await choose(insurance, page, 'Payer', /^Aetna/);
    const memberId = `W${suffix.toUpperCase()}7`;
    await insurance.getByRole('textbox', { name: 'Member id', exact: true }).fill(memberId);
    await insurance.getByRole('textbox', { name: 'Group number', exact: true }).fill('GRP-9');
    await insurance.getByText('Another person', { exact: true }).click();
    await insurance.getByRole('textbox', { name: 'Subscriber given name', exact: true }).fill('Bram');
    await insurance.getByRole('textbox', { name: 'Subscriber family name', exact: true }).fill(family);
    await insurance.getByRole('textbox', { name: 'Subscriber date of birth', exact: true }).fill('03/02/1983');
    await choose(insurance, page, "Patient is the subscriber's", 'Spouse');
    await page.getByRole('button', { name: 'Register', exact: true }).click();

    const header = page.getByTestId('chart-header');
    await header.getByRole('heading', { name: new RegExp(`${family}, Ada`) }).waitFor();
    await header.getByText(`primary: Aetna ${memberId}`).waitFor();
    await page.getByRole('tab', { name: 'Insurance' }).click();
    const row = page.getByTestId('coverages').getByRole('row', { name: /Aetna/ });
    await row.getByText(memberId).waitFor();
    await row.getByText('GRP-9').waitFor();
    await row.getByText(`Subscriber: Bram ${family}`).waitFor();
    await page.getByRole('tab', { name: 'Demographics' }).click();
    await page.getByTestId('demographics').getByText('mobile: (303) 555-0142').waitFor();
    const chartUrl = page.url();

    // Admin → Payers: add one; the coverage form then offers it.
    const payerName = `Front Range Health ${suffix}`;
    await page.goto('/admin/payers');
    await page.getByRole('heading', { name: 'Payers', exact: true }).waitFor();
    const add = page.getByRole('form', { name: 'Add a payer' });
    await add.getByRole('textbox', { name: 'Name', exact: true }).fill(payerName);
    await add.getByRole('textbox', { name: /EDI payer id/ }).fill('x');
    await add.getByRole('textbox', { name: 'Phone', exact: true }).fill('303 555 0199');
    await add.getByRole('button', { name: 'Add payer' }).click();
    // A bad EDI id: the plain message under its field.
    await expect.poll(() => describedBy(page, add.getByRole('textbox', { name: /EDI payer id/ }))).toContain('2 to 10 letters or digits');
    await add.getByRole('textbox', { name: /EDI payer id/ }).fill('FRH01');
    await add.getByRole('button', { name: 'Add payer' }).click();
    const payerRow = page.getByTestId('payers').getByRole('row', { name: new RegExp(payerName) });
    await payerRow.getByText('(303) 555-0199').waitFor();
    await payerRow.getByText('On the list').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(chartUrl);
    await page.getByRole('tab', { name: 'Insurance' }).click();
    await page
      .locator('input')
      .and(page.getByLabel('Payer', { exact: true }))
      .click();
    await page.getByRole('option', { name: `${payerName} (FRH01)` }).waitFor();

    expect(watch.cspViolations()).toEqual([]);
    expect(watch.problems).toEqual([]);
    await context.close();
  });
});
