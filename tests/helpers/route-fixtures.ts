/**
 * Real objects for the path parameters of any route, chosen by the path segment before
 * the parameter (`/api/waitlist/:id` gets a waiting-list entry of the organization), so
 * generated tests (tests/integration/openapi-contract.test.ts) can reach past "not found".
 * Unknown segments get a random uuid. Objects are made fresh for every call: a request
 * that deactivates, deletes or cancels cannot spoil the next one.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createSession } from '@domain/identity/sessions.ts';
import { insertPatient } from './audit-fixtures.ts';
import type { TestOrg } from './factories.ts';
import { newAppointmentType, newProvider, weeklyHours } from './scheduling-factories.ts';
import type { TestApp } from './test-app.ts';

type Factory = (org: TestOrg) => Promise<string>;

const tag = () => randomBytes(4).toString('hex');
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

export function routeFixtures(t: TestApp) {
  const prepared = new Map<string, Promise<{ typeId: string }>>();
  /** Once per organization: weekly hours for its provider at its first location, and a bookable type. */
  const prepare = (org: TestOrg) => {
    let p = prepared.get(org.id);
    if (!p) {
      p = (async () => {
        await weeklyHours(t.db, org, { weekdays: [1, 2, 3, 4, 5, 6, 7], start: '09:00', end: '17:00', from: isoDay(-1) });
        return { typeId: await newAppointmentType(t.db, org, { duration: 15 }) };
      })();
      prepared.set(org.id, p);
    }
    return p;
  };
  const admin = (org: TestOrg) => t.as(org, 'admin');
  const created = async (res: { statusCode: number; body: string; json(): unknown }, what: string): Promise<string> => {
    if (res.statusCode !== 201) throw new Error(`could not create ${what}: ${res.statusCode} ${res.body}`);
    return (res.json() as { id: string }).id;
  };
  let slot = 0;
  let hours = 0;

  const FACTORIES: Record<string, Factory> = {
    patients: (org) => insertPatient(t.db, org.id),
    users: async (org) => {
      const user = await t.db
        .insertInto('users')
        .values({ organization_id: org.id, email: `fixture.${tag()}@test.clinicdesk.dev`, display_name: `Fixture ${tag()}` })
        .returning('id')
        .executeTakeFirstOrThrow();
      await t.db
        .insertInto('user_roles')
        .values({ organization_id: org.id, user_id: user.id, role: 'front_desk', location_id: null })
        .execute();
      return user.id;
    },
    providers: async (org) => org.providerId,
    locations: async (org) => {
      const row = await t.db
        .insertInto('locations')
        .values({ organization_id: org.id, name: `Fixture ${tag()}`, time_zone: 'America/Chicago' })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    'appointment-types': (org) => newAppointmentType(t.db, org),
    'availability-templates': async (org) => {
      // A provider of its own, so no template overlaps another.
      const providerId = await newProvider(t.db, org);
      const row = await t.db
        .insertInto('availability_templates')
        .values({
          organization_id: org.id,
          provider_id: providerId,
          location_id: org.locationId,
          weekday: 1,
          start_time: '09:00',
          end_time: '12:00',
          effective_from: isoDay(0),
          effective_to: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    'availability-exceptions': async (org) =>
      created(
        await admin(org).post('/api/availability-exceptions', { locationId: org.locationId, kind: 'holiday', startDate: isoDay(400) }),
        'an availability exception',
      ),
    'reminder-rules': async (org) => {
      // One rule per lead time: take the next free one (requests under test add rules too).
      for (;;) {
        const res = await admin(org).post('/api/reminder-rules', { hoursBefore: 720 - (hours++ % 700) });
        if (res.statusCode !== 409) return created(res, 'a reminder rule');
      }
    },
    waitlist: async (org) => {
      const { typeId } = await prepare(org);
      const body = {
        patientId: await insertPatient(t.db, org.id),
        appointmentTypeId: typeId,
        earliestDate: isoDay(7),
        latestDate: isoDay(30),
      };
      return created(await admin(org).post('/api/waitlist', body), 'a waiting-list entry');
    },
    appointments: async (org) => {
      const { typeId } = await prepare(org);
      // A fresh quarter hour (local time at the location) for every booking, from 60 days on.
      const n = slot++;
      const minutes = 9 * 60 + (n % 32) * 15;
      const start = `${isoDay(60 + Math.floor(n / 32))}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      const body = {
        patientId: await insertPatient(t.db, org.id),
        providerId: org.providerId,
        appointmentTypeId: typeId,
        locationId: org.locationId,
        start,
      };
      return created(await admin(org).post('/api/appointments', body), 'an appointment');
    },
  };

  /**
   * Fill each `:param` (and a trailing `*`) of `url` with an object of `org`; nested ids (a user's
   * session) belong to the parent object. `known` is false when some parameter got a random uuid.
   */
  async function fillPath(url: string, org: TestOrg): Promise<{ path: string; known: boolean }> {
    const segments = url.split('/');
    let known = true;
    let parentUser: string | undefined;
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i] as string;
      if (seg === '*') segments[i] = 'index.html';
      if (!seg.startsWith(':')) continue;
      const suffix = /^:[A-Za-z0-9_]+(.*)$/.exec(seg)?.[1] ?? ''; // '/ical/:token.ics'
      const before = segments[i - 1] ?? '';
      const factory = FACTORIES[before];
      let value: string;
      if (before === 'sessions' && parentUser) {
        value = (await createSession(t.db, t.clock, { userId: parentUser, organizationId: org.id, ip: null, userAgent: null })).id;
      } else if (factory) {
        value = await factory(org);
        if (before === 'users') parentUser = value;
      } else {
        value = randomUUID();
        known = false;
      }
      segments[i] = value + suffix;
    }
    return { path: segments.join('/'), known };
  }

  return { fillPath, segments: Object.keys(FACTORIES) };
}
