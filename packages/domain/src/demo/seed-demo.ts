/**
 * The demo practice a newcomer sees on first start: "Demo Family Practice" with two
 * locations in different time zones, four providers, rooms, one login per role and
 * about 200 synthetic patients (fixed seed). Modules add their demo data with a `demo`
 * seeder in their manifest (module.ts); each gets the ids created here, in module order.
 */
import { sql } from 'kysely';
import { ROLES, type Role } from '../access/index.ts';
import { createUser, hashPassword } from '../identity/index.ts';
import type { Clock } from '../shared/clock.ts';
import { type Ctx, type Db, systemCtx } from '../shared/context.ts';
import { seededRandom } from '../shared/random.ts';
import { npiWithCheckDigit } from '../shared/validation.ts';
import { syntheticPatient } from './synthetic-patient.ts';

export const DEMO_ORG_NAME = 'Demo Family Practice';
export const DEMO_PASSWORD = 'clinicdesk-demo-2026';
export const DEMO_SEED = 20_260_101;

export interface DemoPractice {
  organizationId: string;
  locationIds: string[];
  providerIds: string[];
  roomIds: string[];
  userIds: Record<Role, string>;
  patientIds: string[];
  ctx: Ctx;
}

export type DemoSeeder = (demo: DemoPractice) => Promise<void>;

export interface DemoLogin {
  role: Role;
  email: string;
  password: string;
}

/** Create the demo practice unless an organization already exists. Returns the logins, or null when skipped. */
export async function seedDemo(db: Db, clock: Clock, opts: { patients?: number; force?: boolean } = {}): Promise<DemoLogin[] | null> {
  return db.transaction().execute(async (trx) => {
    // One seeder at a time, even with two processes starting together.
    await sql`select pg_advisory_xact_lock(720451003)`.execute(trx);
    const existing = await trx.selectFrom('organizations').select('id').where('name', '=', DEMO_ORG_NAME).executeTakeFirst();
    if (existing) return null;
    if (!opts.force) {
      const any = await trx.selectFrom('organizations').select('id').limit(1).executeTakeFirst();
      if (any) return null;
    }
    // CLINICDESK_DEMO_TIMING=1 prints each step's seeding time (to find what slows a first start).
    const timing = process.env.CLINICDESK_DEMO_TIMING === '1';
    let started = performance.now();
    const lap = (what: string) => {
      if (timing) console.error(`demo ${what}: ${Math.round(performance.now() - started)} ms`);
      started = performance.now();
    };
    const rnd = seededRandom(DEMO_SEED);
    const org = await trx
      .insertInto('organizations')
      .values({ name: DEMO_ORG_NAME, settings: JSON.stringify({ require_mfa: false, idle_timeout_seconds: 900 }) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ctx = systemCtx(trx, clock, org.id, 'demo-seed', 'demo-seed', { baseDb: db });
    const locations = await trx
      .insertInto('locations')
      .values([
        {
          organization_id: org.id,
          name: 'Springfield Main Clinic',
          address_line1: '100 Main St',
          city: 'Springfield',
          state: 'MA',
          postal_code: '01103',
          phone: '+14135550100'.replace('555', '736'),
          time_zone: 'America/New_York',
          place_of_service: '11',
          billing_npi: npiWithCheckDigit('123456789'),
          tin: '043456789',
        },
        {
          organization_id: org.id,
          name: 'Denver Westside Clinic',
          address_line1: '2500 W Colfax Ave',
          city: 'Denver',
          state: 'CO',
          postal_code: '80204',
          phone: '+13037360200',
          time_zone: 'America/Denver',
          place_of_service: '11',
          billing_npi: npiWithCheckDigit('123456790'),
          tin: '043456789',
        },
      ])
      .returning('id')
      .execute();
    const locationIds = locations.map((l) => l.id);
    const providerSpecs = [
      ['Alice', 'Morgan', 'MD', '207Q00000X', '#1c7ed6'],
      ['Benjamin', 'Okafor', 'DO', '207R00000X', '#2f9e44'],
      ['Carmen', 'Reyes', 'NP', '363LF0000X', '#e8590c'],
      ['David', 'Chen', 'MD', '208000000X', '#9c36b5'],
    ] as const;
    const providers = await trx
      .insertInto('providers')
      .values(
        providerSpecs.map(([given, family, cred, taxonomy, color], i) => ({
          organization_id: org.id,
          given_name: given,
          family_name: family,
          credentials: cred,
          npi: npiWithCheckDigit(String(198_765_430 + i)),
          taxonomy_code: taxonomy,
          color,
        })),
      )
      .returning('id')
      .execute();
    const providerIds = providers.map((p) => p.id);
    const rooms = await trx
      .insertInto('rooms')
      .values([
        { organization_id: org.id, location_id: locationIds[0] as string, name: 'Exam 1', kind: 'exam room' },
        { organization_id: org.id, location_id: locationIds[0] as string, name: 'Exam 2', kind: 'exam room' },
        { organization_id: org.id, location_id: locationIds[1] as string, name: 'Exam A', kind: 'exam room' },
      ])
      .returning('id')
      .execute();
    lap('practice');
    const logins: DemoLogin[] = [];
    const userIds = {} as Record<Role, string>;
    const checkedPasswordHash = await hashPassword(DEMO_PASSWORD);
    for (const role of ROLES) {
      const email = `${role.replace('_', '.')}@demo.clinicdesk.dev`;
      const user = await createUser(
        ctx,
        {
          email,
          displayName: `Demo ${role.replace('_', ' ').replace(/\b\w/g, (c) => c.toUpperCase())}`,
          password: DEMO_PASSWORD,
          roles: [{ role, locationId: null }],
          providerId: role === 'clinician' ? (providerIds[0] as string) : null,
        },
        { checkedPasswordHash },
      );
      userIds[role] = user.id;
      logins.push({ role, email, password: DEMO_PASSWORD });
    }
    lap('users');
    const patientCount = opts.patients ?? 200;
    const patientRows = [];
    for (let i = 0; i < patientCount; i++) {
      const p = syntheticPatient(rnd, i);
      patientRows.push({
        organization_id: org.id,
        mrn: sql<string>`nextval('patient_mrn_seq')::text`,
        given_name: p.givenName,
        family_name: p.familyName,
        birth_date: p.birthDate,
        sex: p.sex,
        phones: JSON.stringify([{ type: 'mobile', number: p.phone }]),
        email: p.email,
        // Most patients agreed to texts at registration (the chart's text thread shows them).
        consent_sms_reminders: i % 3 !== 2,
        address: JSON.stringify(p.address),
        primary_provider_id: rnd.pick(providerIds),
        preferred_location_id: rnd.pick(locationIds),
        restricted: i % 50 === 7,
      });
    }
    const patients = await trx.insertInto('patients').values(patientRows).returning('id').execute();
    const demo: DemoPractice = {
      organizationId: org.id,
      locationIds,
      providerIds,
      roomIds: rooms.map((r) => r.id),
      userIds,
      patientIds: patients.map((p) => p.id),
      ctx,
    };
    lap('patients');
    const { demoSeeders } = await import('../modules.ts');
    for (const { module, seed } of demoSeeders()) {
      await seed(demo);
      lap(module);
    }
    return logins;
  });
}
