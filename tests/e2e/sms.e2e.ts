/**
 * Texts in Chromium, against a local Twilio (tests/helpers/fake-twilio.ts) that checks each
 * request: the admin points the practice's SMS account at it, the desk texts a patient from the
 * chart's Messages tab and the provider receives it; the patient's reply (a signed webhook, as
 * the provider sends it) lands in the Texts inbox, where the desk marks it handled. The tab and
 * the inbox pass axe, also at a phone's width; no console errors.
 */
import { twilioSignature } from '@domain/comms/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeTwilio, startFakeTwilio } from '../helpers/fake-twilio.ts';
import { expectAccessible, expectQuietConsole, fileSession, getJson, openAs, postJson } from './helpers/session.ts';

let twilio: FakeTwilio;

beforeAll(async () => {
  twilio = await startFakeTwilio();
});

afterAll(async () => {
  await twilio?.close();
});

const session = fileSession();

/** Wait for a condition the server reaches on its own (the job runner sending a text). */
async function until(what: string, check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('text messages', () => {
  it('texts a patient from the chart, and a reply lands in the Texts inbox', async () => {
    const practiceNumber = '+13035550111';
    const mobile = '+17205550148';
    const admin = await openAs(session, 'admin@demo.clinicdesk.dev');
    const patched = await admin.page.request.patch('/api/comms/settings', {
      headers: { 'x-clinicdesk-csrf': '1' },
      data: {
        publicUrl: session.server.url,
        smsAccountSid: twilio.accountSid,
        smsAuthToken: twilio.authToken,
        smsFromNumber: practiceNumber,
        smsApiBaseUrl: twilio.url,
        // Any hour of the real clock is inside the window: this journey is not about quiet hours.
        smsSendFrom: '00:00',
        smsSendUntil: '23:59',
      },
    });
    expect(patched.status(), await patched.text()).toBe(200);
    await admin.context.close();

    const { context, page, watch } = await openAs(session, 'front.desk@demo.clinicdesk.dev');
    const patient = await postJson<{ id: string }>(page, '/api/patients', {
      givenName: 'Marisol',
      familyName: 'Quintero-Abara',
      birthDate: '1979-02-11',
      phones: [{ type: 'mobile', number: mobile }],
      consentSmsReminders: true,
    });
    await page.goto(`/patients?id=${patient.id}`);
    await page.getByTestId('chart-header').waitFor();
    await page.getByRole('tab', { name: 'Messages', exact: true }).click();
    const texts = page.getByTestId('patient-texts');
    await texts.getByText('No texts with this patient yet.').waitFor();
    await expectAccessible(page, 'messages tab with the text box');

    await texts.getByLabel(/^Send a text to/).fill('Your prescription is ready for pickup at the front desk.');
    await texts.getByRole('button', { name: 'Send text' }).click();
    await texts.getByRole('status').waitFor();
    await until('the provider to receive the text', () => twilio.sent.some((s) => s.to === mobile));
    expect(twilio.sent.filter((s) => s.to === mobile)).toEqual([
      expect.objectContaining({ from: practiceNumber, body: 'Your prescription is ready for pickup at the front desk.' }),
    ]);
    expect(twilio.requests.every((r) => r.problem === null)).toBe(true);
    await texts.getByRole('list', { name: 'Text thread' }).getByText('Your prescription is ready for pickup').waitFor();
    await expectAccessible(page, 'messages tab with a text in the thread');

    // The patient answers; the provider posts the signed webhook.
    const fields = {
      MessageSid: 'SM00000000000000000000000000e2e01',
      From: mobile,
      To: practiceNumber,
      Body: 'Can my husband pick it up?',
    };
    const res = await fetch(`${session.server.url}/api/sms/inbound`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilioSignature(twilio.authToken, `${session.server.url}/api/sms/inbound`, fields),
      },
      body: new URLSearchParams(fields).toString(),
    });
    expect(res.status, await res.text()).toBe(200);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/texts');
    const inbox = page.getByRole('table', { name: 'Texts waiting for the desk' });
    const row = inbox.getByRole('row').filter({ hasText: 'Can my husband pick it up?' });
    await row.getByRole('link', { name: /Quintero-Abara/ }).waitFor();
    await expectAccessible(page, 'texts inbox at phone width');
    await row.getByRole('button', { name: 'Mark handled' }).click();
    await row.waitFor({ state: 'detached' });
    const handled = await getJson<{ items: { body: string }[] }>(page, '/api/sms/inbox?handled=true');
    expect(handled.items.map((i) => i.body)).toContain('Can my husband pick it up?');
    expectQuietConsole(watch);
    await context.close();
  });
});
