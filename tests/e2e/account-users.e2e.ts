/**
 * Admin → Users and Account in Chromium against a real server: invite a person, who sets a
 * password through the one-time link and signs in; deactivate them; enrol MFA with the QR code
 * and see the recovery codes once. No CSP violations or console errors on the way.
 */
import { generate } from 'otplib';
import type { Browser } from 'playwright-core';
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

describe('user admin and account', () => {
  it('invites a user who chooses a password and signs in, then deactivates them', async () => {
    const admin = await newContext(browser, server.url);
    const page = await admin.newPage();
    const watch = watchConsole(page);
    await signIn(page, 'admin@demo.clinicdesk.dev');
    await page.goto('/admin/users');
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Users' }).getByText('front.desk@demo.clinicdesk.dev').waitFor();

    await page.getByRole('button', { name: 'Add user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add user' });
    await dialog.getByRole('textbox', { name: 'Email' }).fill('new.hire@demo.clinicdesk.dev');
    await dialog.getByRole('textbox', { name: 'Name' }).fill('New Hire');
    await dialog.getByRole('button', { name: 'Add user' }).click();
    const link = (await page.getByTestId('invite-link').textContent())?.trim() ?? '';
    expect(link).toMatch(/\/accept-invite#token=[A-Za-z0-9_-]{40,}$/);

    const invitee = await newContext(browser, server.url);
    const p2 = await invitee.newPage();
    await p2.goto(link);
    // A password built on the person's own name is refused, with the reason under the field.
    await p2.getByLabel(/^New password/).fill('new-hire-chosen-passphrase');
    await p2.getByLabel(/^Repeat it/).fill('new-hire-chosen-passphrase');
    await p2.getByRole('button', { name: 'Set password' }).click();
    await p2
      .getByText(/contains/)
      .first()
      .waitFor();
    await p2.getByLabel(/^New password/).fill('quiet-orchard-lantern-river');
    await p2.getByLabel(/^Repeat it/).fill('quiet-orchard-lantern-river');
    await p2.getByRole('button', { name: 'Set password' }).click();
    await p2.getByText('Your password is set').waitFor();
    await signIn(p2, 'new.hire@demo.clinicdesk.dev', 'quiet-orchard-lantern-river');

    page.on('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Open New Hire' }).click();
    const drawer = page.getByRole('dialog', { name: 'New Hire' });
    await drawer.getByRole('table', { name: 'Open sessions' }).waitFor();
    await drawer.getByRole('button', { name: 'Deactivate' }).click();
    await drawer.getByText('Deactivated').waitFor();
    // Their open tab is signed out by the server at once.
    await p2.reload();
    await p2.waitForURL(/\/login/);
    expect(watch.problems).toEqual([]);
    await admin.close();
    await invitee.close();
  });

  it('enrols MFA from the Account page with the QR code and shows the recovery codes once', async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    const watch = watchConsole(page);
    await signIn(page, 'biller@demo.clinicdesk.dev');
    await page.getByRole('navigation', { name: 'Modules' }).getByRole('link', { name: 'Account' }).click();
    await page.getByRole('heading', { name: 'Account' }).waitFor();
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    const qr = page.getByRole('img', { name: 'QR code for your authenticator app' });
    await qr.waitFor();
    await expect(qr.evaluate((img) => (img as HTMLImageElement).naturalWidth)).resolves.toBeGreaterThan(50);
    const secret = (await page.getByTestId('mfa-secret').textContent()) ?? '';
    await page.getByRole('textbox', { name: 'Code from the app' }).fill(await generate({ secret }));
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByTestId('recovery-codes').waitFor();
    const codes = await page.getByTestId('recovery-codes').locator('code').allTextContents();
    expect(codes).toHaveLength(10);
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await page.getByText('Sign-in asks for a code').waitFor();
    await expect(page.getByTestId('recovery-codes').count()).resolves.toBe(0);
    expect(watch.cspViolations()).toEqual([]);
    expect(watch.problems).toEqual([]);
    await context.close();
  });
});
