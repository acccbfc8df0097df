/**
 * Expiry alerts against a real SMTP server: a credential's holder and the office managers are
 * told 90, 30 and 7 days before it expires, each alert once, whatever the number of sweeps and
 * job runners; a credential first seen inside several thresholds gets only the nearest; a
 * renewal starts again for the new expiry. The managers told are those of the holder's
 * locations (role grants, home location), the practice-wide ones when the holder has none.
 * Preventive-maintenance due dates alert the equipment location's managers the same way.
 */
import { CredentialAlertSweeper } from '@domain/credentials/index.ts';
import { ServiceAlertSweeper } from '@domain/equipment/index.ts';
import { JobRunner } from '@domain/jobs/index.ts';
import { FakeClock } from '@domain/shared/clock.ts';
import { jobHandlers } from '@server/jobs/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestOrg, testPasswordHash } from '../helpers/factories.ts';
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink.ts';
import { createTestApp } from '../helpers/test-app.ts';

// Monday 2026-03-02 10:00 in New York.
const clock = new FakeClock('2026-03-02T15:00:00Z');
const t = await createTestApp({ clock });
let smtp: SmtpSink;
beforeAll(async () => {
  smtp = await startSmtpSink();
});
afterAll(async () => {
  await smtp.close();
});

const runner = (id: string) =>
  new JobRunner({ db: t.db, clock, installation: t.installation, handlers: jobHandlers, runnerId: id, backoffBaseMs: 1 });
async function drain(r: JobRunner): Promise<void> {
  while (await r.runOnce()) {}
}
/** What the servers do each hour: two processes queue the sweeps, two runners race for the jobs. */
async function sweepTwice(): Promise<void> {
  for (let i = 0; i < 2; i++) {
    await new CredentialAlertSweeper({ db: t.db, clock }).runOnce();
    await new ServiceAlertSweeper({ db: t.db, clock }).runOnce();
  }
  await Promise.all([drain(runner('a')), drain(runner('b'))]);
}
/** A day at the practice, each call an hour later than the last (sweeps are keyed by the hour; tests revisit days). */
let hours = 0;
const at = (day: string) => clock.set(`${day}T${String(11 + hours++).padStart(2, '0')}:00:00Z`);
const nextHour = () => {
  hours++;
  clock.advance(3_600_000);
};
const mailsTo = (address: string) => smtp.messages.filter((m) => m.to.includes(address));

/** An office manager whose role is granted at one location only; answers their email. */
async function managerAt(org: TestOrg, locationId: string, name: string): Promise<string> {
  const email = `${name}.${org.id.slice(0, 8)}@test.clinicdesk.dev`;
  const user = await t.db
    .insertInto('users')
    .values({ organization_id: org.id, email, display_name: name, password_hash: await testPasswordHash() })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('user_roles')
    .values({ organization_id: org.id, user_id: user.id, role: 'office_manager', location_id: locationId })
    .execute();
  return email;
}

async function practice(): Promise<TestOrg> {
  const org = await t.newOrg();
  const res = await t
    .as(org, 'admin')
    .patch('/api/comms/settings', { smtpHost: smtp.host, smtpPort: smtp.port, smtpFrom: 'Desk <desk@clinic.test>' });
  expect(res.statusCode, res.body).toBe(200);
  return org;
}

describe('credential expiry alerts', () => {
  it('tells the holder and the office manager at 90, 30 and 7 days, once each, with two sweeps and two runners', async () => {
    at('2026-03-02');
    const org = await practice();
    const nurse = org.users.nurse.email;
    const manager = org.users.office_manager.email;
    const created = await t
      .as(org, 'office_manager')
      .post('/api/credentials', { userId: org.users.nurse.id, kind: 'bls', number: 'BLS-77', expiresOn: '2026-06-01' });
    expect(created.statusCode, created.body).toBe(201);

    await sweepTwice(); // 91 days left: nothing yet.
    expect(mailsTo(nurse)).toEqual([]);

    at('2026-03-03'); // 90 days
    await sweepTwice();
    nextHour(); // the next hour's sweep finds nothing new
    await sweepTwice();
    expect(mailsTo(nurse).map((m) => m.subject)).toEqual([expect.stringContaining('expires in 90 days')]);
    expect(mailsTo(manager).map((m) => m.subject)).toEqual([expect.stringContaining('expires in 90 days')]);
    expect(mailsTo(nurse)[0]?.text).toContain('BLS-77');

    at('2026-04-20'); // 42 days: still inside 90, already told
    await sweepTwice();
    at('2026-05-02'); // 30 days
    await sweepTwice();
    at('2026-05-25'); // 7 days
    await sweepTwice();
    at('2026-05-26');
    await sweepTwice();
    const subjects = (address: string) => mailsTo(address).map((m) => /expires in (\d+) days/.exec(m.subject)?.[1]);
    expect(subjects(nurse)).toEqual(['90', '30', '7']);
    expect(subjects(manager)).toEqual(['90', '30', '7']);
    const rows = await t.db
      .selectFrom('credential_alerts')
      .select(['threshold_days', 'recipients'])
      .where('credential_id', '=', created.json().id)
      .orderBy('threshold_days', 'desc')
      .execute();
    expect(rows.map((r) => r.threshold_days)).toEqual([90, 30, 7]);
    expect(rows[0]?.recipients.sort()).toEqual([manager, nurse].sort());
  });

  it('a credential first recorded inside 30 days gets the 30-day alert only; a renewal starts again for the new expiry', async () => {
    at('2026-03-02');
    const org = await practice();
    const om = t.as(org, 'office_manager');
    const lic = (
      await om.post('/api/credentials', {
        providerId: org.providerId,
        kind: 'license',
        state: 'MA',
        number: 'MA-1',
        expiresOn: '2026-03-20',
      })
    ).json();
    await sweepTwice();
    const manager = org.users.office_manager.email;
    expect(mailsTo(manager).map((m) => m.subject)).toEqual([expect.stringContaining('expires in 30 days')]);

    const renewed = await om.patch(`/api/credentials/${lic.id}`, { expiresOn: '2026-05-31' }, { 'if-match': `"${lic.version}"` });
    expect(renewed.statusCode, renewed.body).toBe(200);
    nextHour();
    await sweepTwice(); // 90 days before the new expiry
    expect(mailsTo(manager).map((m) => /expires in (\d+) days/.exec(m.subject)?.[1])).toEqual(['30', '90']);
  });
});

describe('who hears of an expiry', () => {
  it("tells the office managers of the holder's locations, and the practice-wide ones when the holder has no location", async () => {
    at('2026-03-02');
    const org = await practice();
    const om = t.as(org, 'office_manager');
    const east = await managerAt(org, org.locationId, 'east-manager');
    const west = await managerAt(org, org.secondLocationId, 'west-manager');
    // The nurse works at West (her profile's home); the biller's role is granted at East only.
    const home = await om.patch(`/api/staff/${org.users.nurse.id}`, { locationId: org.secondLocationId }, { 'if-match': '"0"' });
    expect(home.statusCode, home.body).toBe(200);
    await t.db.updateTable('user_roles').set({ location_id: org.locationId }).where('user_id', '=', org.users.biller.id).execute();
    const record = async (userId: string, number: string) => {
      const res = await om.post('/api/credentials', { userId, kind: 'bls', number, expiresOn: '2026-03-20' });
      expect(res.statusCode, res.body).toBe(201);
    };
    await record(org.users.nurse.id, 'BLS-WEST');
    await record(org.users.biller.id, 'BLS-EAST');
    await record(org.users.front_desk.id, 'BLS-NONE');
    await sweepTwice();
    nextHour();
    await sweepTwice();
    const numbers = (address: string) =>
      mailsTo(address)
        .map((m) => /BLS-[A-Z]+/.exec(m.text ?? '')?.[0])
        .sort();
    expect(numbers(org.users.nurse.email)).toEqual(['BLS-WEST']);
    expect(numbers(org.users.biller.email)).toEqual(['BLS-EAST']);
    expect(numbers(org.users.front_desk.email)).toEqual(['BLS-NONE']);
    expect(numbers(west)).toEqual(['BLS-WEST']);
    expect(numbers(east)).toEqual(['BLS-EAST']);
    // The practice-wide manager acts at every location, and hears of the one without a location.
    expect(numbers(org.users.office_manager.email)).toEqual(['BLS-EAST', 'BLS-NONE', 'BLS-WEST']);
  });
});

describe('preventive maintenance alerts', () => {
  it("tells the location's office managers once when a service is 7 days away", async () => {
    at('2026-03-02');
    const org = await practice();
    const east = await managerAt(org, org.locationId, 'east-manager');
    const west = await managerAt(org, org.secondLocationId, 'west-manager');
    const e = await t.as(org, 'office_manager').post('/api/equipment', {
      locationId: org.locationId,
      name: 'Autoclave',
      serialNumber: `AC-${org.id.slice(0, 6)}`,
      serviceDueOn: '2026-03-09',
      vendor: 'Midmark',
    });
    expect(e.statusCode, e.body).toBe(201);
    await sweepTwice();
    await sweepTwice();
    const mails = mailsTo(org.users.office_manager.email);
    expect(mails.map((m) => m.subject)).toEqual(['ClinicDesk: Autoclave is due for service in 7 days']);
    expect(mails[0]?.text).toContain('Midmark');
    expect(mailsTo(org.users.nurse.email)).toEqual([]);
    // The location's own manager hears of it, the other location's does not.
    expect(mailsTo(east).map((m) => m.subject)).toEqual(['ClinicDesk: Autoclave is due for service in 7 days']);
    expect(mailsTo(west)).toEqual([]);
  });
});
