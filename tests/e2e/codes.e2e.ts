/**
 * Admin → Procedures in Chromium against a real server with the demo practice: the demo list
 * with fees, search, add a code (a bad fee explained under its field), edit a fee with If-Match,
 * import a CSV file whose bad row is named (nothing imported), then a good one; accessible.
 */
import type { Browser } from 'playwright-core';
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

describe('procedure list', () => {
  it('shows the demo fees, adds and edits a code, and imports CSV naming a bad row', async () => {
    const context = await newContext(browser, server.url, 1400, 1000);
    const page = await context.newPage();
    // The 400 is the import with a bad row, on purpose.
    const watch = watchConsole(page, [401, 400]);
    await signIn(page, 'biller@demo.clinicdesk.dev');
    await page.goto('/admin/procedures');
    await page.getByRole('heading', { name: 'Procedures', exact: true }).waitFor();
    const table = page.getByTestId('procedures');
    await table.getByRole('row', { name: /99213 .*\$150\.00/ }).waitFor();
    await table.getByRole('row', { name: /G0439 .*Medicare annual wellness visit, yearly/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('textbox', { name: 'Search the list' }).fill('strep');
    await expect.poll(() => table.getByRole('row').count()).toBe(2); // header + 87880
    await table.getByRole('row', { name: /87880/ }).waitFor();
    await page.getByRole('textbox', { name: 'Search the list' }).fill('');

    // Add: a fee that is no amount is explained under its field, then the code is added.
    const add = page.getByRole('form', { name: 'Add a procedure' });
    await add.getByRole('textbox', { name: /^Code/ }).fill('99417');
    await add.getByRole('textbox', { name: /^Description/ }).fill('Prolonged visit, each 15 minutes');
    await add.getByRole('textbox', { name: /^Fee/ }).fill('65.5.0');
    await add.getByRole('checkbox', { name: /Billed in units/ }).check();
    await add.getByRole('button', { name: 'Add procedure' }).click();
    await add.getByText('Enter the fee in dollars, such as 125.00.').waitFor();
    await add.getByRole('textbox', { name: /^Fee/ }).fill('65.50');
    await add.getByRole('button', { name: 'Add procedure' }).click();
    await table.getByRole('row', { name: /99417 .*\$65\.50 Yes/ }).waitFor();

    // Edit the fee (If-Match under the hood).
    await table.getByRole('button', { name: 'Edit 99417' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit 99417' });
    await dialog.getByRole('textbox', { name: /^Fee/ }).fill('70');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await table.getByRole('row', { name: /99417 .*\$70\.00/ }).waitFor();

    // Import: a bad row names its row and column, and nothing changes; then a good file.
    const fileInput = page.getByLabel('CSV file to import');
    await fileInput.setInputFiles({
      name: 'fees.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('code,description,fee,units\n99213,Office visit low,155.00,no\n9921,Typo,10.00,no\n'),
    });
    await page.getByText('Row 3, code: "9921" is not a CPT code').waitFor();
    await table.getByRole('row', { name: /99213 .*\$150\.00/ }).waitFor();
    await fileInput.setInputFiles({
      name: 'fees.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('code,description,fee,units\n99213,Office visit low,155.00,no\n'),
    });
    await page.getByText('Imported: 0 added, 1 updated, 0 unchanged.').waitFor();
    await table.getByRole('row', { name: /99213 .*\$155\.00/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    expect(watch.cspViolations()).toEqual([]);
    expect(watch.problems).toEqual([]);
    await context.close();
  });
});
