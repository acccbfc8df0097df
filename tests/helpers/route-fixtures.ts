/**
 * Real objects for the path parameters of any route, chosen by the path segment before
 * the parameter (`/api/waitlist/:id` gets a waiting-list entry of the organization), so
 * generated tests (tests/integration/route-matrix.test.ts, openapi-contract.test.ts) reach
 * past "not found" on their own objects and meet a real object of the other organization
 * in its checks. A nested parameter gets an object of its parent: in
 * `/api/patients/:id/coverages/:coverageId` a coverage of that patient, in
 * `/api/users/:id/sessions/:sessionId` a session of that user.
 *
 * A segment without a factory gets a random uuid and is reported in `unknown` (`known` is
 * false): the route matrix fails on it, so a route with a new kind of parameter needs a
 * factory here. Objects are made fresh for every call: a request that deactivates, deletes
 * or cancels cannot spoil the next one.
 *
 * Documents are stored under DATA_DIR: a test file using these fixtures calls
 * `temporaryDataDir()` before `createTestApp()` (the app reads DATA_DIR when it is built).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { issueLink } from '@domain/comms/index.ts';
import { createSession } from '@domain/identity/sessions.ts';
import { afterAll } from 'vitest';
import { insertPatient } from './audit-fixtures.ts';
import type { TestOrg } from './factories.ts';
import { newAppointmentType, newProvider, newRoom, weeklyHours } from './scheduling-factories.ts';
import type { TestApp } from './test-app.ts';

/** The ids already chosen for the earlier parameters of the path, by the segment before each. */
type Parents = Readonly<Record<string, string>>;
type Factory = (org: TestOrg, parents: Parents) => Promise<string>;

export interface FilledPath {
  path: string;
  /** False when some parameter got a random uuid (no factory for its segment). */
  known: boolean;
  /** The parameters that got a random uuid, as `segment/:param`. */
  unknown: string[];
}

const tag = () => randomBytes(4).toString('hex');
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
/** A 1×1 PNG: the smallest upload the document inspection accepts. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A data directory of the test file's own, removed after it: call before `createTestApp()`. */
export function temporaryDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-route-fixtures-'));
  process.env.DATA_DIR = dir;
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function routeFixtures(t: TestApp, opts: { userLocation?: () => string | null } = {}) {
  // Uploaded documents would otherwise land in ./data of the working tree.
  if (!process.env.DATA_DIR) throw new Error('call temporaryDataDir() before createTestApp(): the fixtures upload documents');
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
  const payers = new Map<string, Promise<string>>();
  /** Once per organization: a payer for its coverages. */
  const payerOf = (org: TestOrg) => {
    let p = payers.get(org.id);
    if (!p) {
      p = (async () => created(await admin(org).post('/api/payers', { name: `Fixture Payer ${tag()}` }), 'a payer'))();
      payers.set(org.id, p);
    }
    return p;
  };
  const admin = (org: TestOrg) => t.as(org, 'admin');
  const created = async (res: { statusCode: number; body: string; json(): unknown }, what: string): Promise<string> => {
    if (res.statusCode !== 201) throw new Error(`could not create ${what}: ${res.statusCode} ${res.body}`);
    return (res.json() as { id: string }).id;
  };
  const positionOf = async (org: TestOrg) =>
    created(
      await admin(org).post('/api/positions', {
        title: `Fixture receptionist ${tag()}`,
        locationId: org.locationId,
        role: 'front_desk',
        employmentType: 'full_time',
        hiringManagerId: org.users.office_manager.id,
      }),
      'a position',
    );
  const applicantOf = async (org: TestOrg) =>
    created(
      await admin(org).post('/api/applicants', {
        name: `Fixture Applicant ${tag()}`,
        email: `applicant-${tag()}@fixture.test`,
        source: 'website',
        positionId: await positionOf(org),
      }),
      'an applicant',
    );
  const onboardingOf = async (org: TestOrg) => {
    const id = await applicantOf(org);
    let onboardingId: string | null = null;
    for (const stage of ['screening', 'interview', 'offer', 'hired']) {
      const res = await admin(org).post(`/api/applicants/${id}/stage`, { stage });
      if (res.statusCode !== 200) throw new Error(`fixture: could not move an applicant to ${stage}: ${res.statusCode} ${res.body}`);
      onboardingId = (res.json() as { onboardingId: string | null }).onboardingId;
    }
    if (!onboardingId) throw new Error('fixture: hiring opened no onboarding');
    return onboardingId;
  };
  /** The patient of the path (`/api/patients/:id/...`), else a new one. */
  const patientOf = async (org: TestOrg, parents: Parents) => parents.patients ?? insertPatient(t.db, org.id);
  let slot = 0;
  let rotaDay = 0;
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
        .values({ organization_id: org.id, user_id: user.id, role: 'front_desk', location_id: opts.userLocation?.() ?? null })
        .execute();
      return user.id;
    },
    /** A session of the path's user. */
    sessions: async (org, parents) => {
      const userId = parents.users ?? (await FACTORIES.users?.(org, parents));
      if (!userId) throw new Error('no user for the session');
      return (await createSession(t.db, t.clock, { userId, organizationId: org.id, ip: null, userAgent: null })).id;
    },
    providers: async (org) => org.providerId,
    rooms: (org) => newRoom(t.db, org),
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
    /** A received text waiting in the desk's inbox (`/api/sms/inbox/:id/handled`). */
    inbox: async (org, parents) => {
      const row = await t.db
        .insertInto('sms_inbound')
        .values({
          organization_id: org.id,
          message_sid: `SM${tag()}${randomBytes(8).toString('hex')}`,
          from_number: '+13035550142',
          to_number: '+13035550100',
          body: 'Can I move my visit to Friday?',
          patient_id: await patientOf(org, parents),
          action: 'inbox',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    waitlist: async (org, parents) => {
      const { typeId } = await prepare(org);
      const body = {
        patientId: await patientOf(org, parents),
        appointmentTypeId: typeId,
        earliestDate: isoDay(7),
        latestDate: isoDay(30),
      };
      return created(await admin(org).post('/api/waitlist', body), 'a waiting-list entry');
    },
    /** An open follow-up of the path's patient, noted by hand for the org's provider and bookable type. */
    'follow-ups': async (org, parents) => {
      const { typeId } = await prepare(org);
      const body = {
        patientId: await patientOf(org, parents),
        dueDate: isoDay(14),
        appointmentTypeId: typeId,
        providerId: org.providerId,
        locationId: org.locationId,
      };
      return created(await admin(org).post('/api/follow-ups', body), 'a follow-up');
    },
    /** A recall of the path's patient. */
    recalls: async (org, parents) =>
      created(
        await admin(org).post(`/api/patients/${await patientOf(org, parents)}/recalls`, {
          recallType: 'annual_physical',
          dueDate: isoDay(90),
        }),
        'a recall',
      ),
    /** A call of the org's first location, about a patient of its own. */
    calls: async (org) =>
      created(
        await admin(org).post('/api/calls', {
          direction: 'inbound',
          phone: '+14135550100',
          patientId: await patientOf(org, {}),
          reason: 'other',
          note: 'route fixture',
          locationId: org.locationId,
        }),
        'a call',
      ),
    /** A task of the org's first location, about nobody. */
    tasks: async (org) =>
      created(await admin(org).post('/api/tasks', { title: `Fixture task ${tag()}`, locationId: org.locationId }), 'a task'),
    /** A project of the org's first location. */
    projects: async (org) =>
      created(await admin(org).post('/api/projects', { name: `Fixture project ${tag()}`, locationId: org.locationId }), 'a project'),
    /** A complaint of the org's first location from a named person. */
    complaints: async (org) =>
      created(
        await admin(org).post('/api/complaints', {
          complainant: 'Route Fixture',
          description: 'route fixture',
          category: 'other',
          severity: 'low',
          locationId: org.locationId,
        }),
        'a complaint',
      ),
    /** A BLS card of the org's nurse. */
    credentials: async (org) =>
      created(
        await admin(org).post('/api/credentials', {
          userId: org.users.nurse.id,
          kind: 'bls',
          number: `BLS-${tag()}`,
          expiresOn: isoDay(400),
        }),
        'a credential',
      ),
    /** Equipment of the org's first location, in no room. */
    equipment: async (org) =>
      created(await admin(org).post('/api/equipment', { name: `Fixture scale ${tag()}`, locationId: org.locationId }), 'equipment'),
    /** A fault (not out of service) of a fresh piece of equipment. */
    'equipment-faults': async (org) => {
      const equipmentId = await created(
        await admin(org).post('/api/equipment', { name: `Fixture otoscope ${tag()}`, locationId: org.locationId }),
        'equipment',
      );
      return created(
        await admin(org).post(`/api/equipment/${equipmentId}/faults`, {
          description: 'route fixture',
          severity: 'low',
          outOfService: false,
        }),
        'a fault',
      );
    },
    'training-items': async (org) =>
      created(
        await admin(org).post('/api/training-items', { title: `Fixture course ${tag()}`, kind: 'training', category: 'other' }),
        'a training item',
      ),
    /** An open assignment of a fresh item to the org's nurse. */
    'training-assignments': async (org) => {
      const itemId = await created(
        await admin(org).post('/api/training-items', { title: `Fixture course ${tag()}`, kind: 'training', category: 'other' }),
        'a training item',
      );
      const res = await admin(org).post('/api/training-assignments', { itemId, userIds: [org.users.nurse.id] });
      if (res.statusCode !== 201) throw new Error(`fixture: could not assign training: ${res.statusCode} ${res.body}`);
      return (res.json() as { assigned: { id: string }[] }).assigned[0]?.id as string;
    },
    /** An open front-desk position at the org's first location. */
    positions: async (org) => positionOf(org),
    /** A fresh applicant (stage applied) to a fresh position. */
    applicants: async (org) => applicantOf(org),
    /** The onboarding of a fresh hire (no account yet). */
    onboardings: async (org) => onboardingOf(org),
    /** A checklist item of the path's onboarding (else of a fresh one). */
    items: async (org, parents) => {
      const onboardingId = parents.onboardings ?? (await onboardingOf(org));
      const res = await admin(org).get(`/api/onboardings/${onboardingId}`);
      const item = (res.json() as { items: { id: string; kind: string }[] }).items.find((i) => i.kind === 'manual');
      if (!item) throw new Error(`fixture: onboarding without items: ${res.statusCode} ${res.body}`);
      return item.id;
    },
    appointments: async (org, parents) => {
      const { typeId } = await prepare(org);
      // A fresh quarter hour (local time at the location) for every booking, from 60 days on.
      const n = slot++;
      const minutes = 9 * 60 + (n % 32) * 15;
      const start = `${isoDay(60 + Math.floor(n / 32))}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      const body = {
        patientId: await patientOf(org, parents),
        providerId: org.providerId,
        appointmentTypeId: typeId,
        locationId: org.locationId,
        start,
      };
      return created(await admin(org).post('/api/appointments', body), 'an appointment');
    },
    /** A payer of its own (a PATCH under test changes its version). */
    payers: async (org) => created(await admin(org).post('/api/payers', { name: `Fixture Payer ${tag()}` }), 'a payer'),
    /** An entry of the practice's procedure list (a code of its own: one entry per code). */
    procedures: (() => {
      let next = 10_000;
      return async (org: TestOrg) =>
        created(
          await admin(org).post('/api/procedures', { code: String(next++), description: 'Fixture procedure', defaultFeeCents: 10_000 }),
          'a procedure',
        );
    })(),
    /** A coverage of the path's patient. */
    coverages: async (org, parents) => {
      const patientId = await patientOf(org, parents);
      const body = { payerId: await payerOf(org), memberId: `M${tag()}`, priority: 'primary', effectiveDate: isoDay(-30) };
      return created(await admin(org).post(`/api/patients/${patientId}/coverages`, body), 'a coverage');
    },
    /** A document of the path's patient, uploaded as the desk would. */
    documents: async (org, parents) => {
      const patientId = await patientOf(org, parents);
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/patients/${patientId}/documents?category=other&fileName=fixture.png`,
        headers: { authorization: `Bearer ${org.users.admin.token}`, 'content-type': 'image/png' },
        payload: PNG,
      });
      return created(res, 'a document');
    },
    /** A vendor added through the API (version 1). */
    vendors: async (org) =>
      created(await admin(org).post('/api/vendors', { name: `Fixture Vendor ${tag()}`, defaultCategory: 'supplies' }), 'a vendor'),
    /** An open bill of a new vendor, entered through the API, with a PNG invoice attached (version 2). */
    bills: async (org) => {
      const vendorId = await (FACTORIES.vendors as Factory)(org, {});
      const billId = await created(
        await admin(org).post('/api/bills', {
          vendorId,
          invoiceNumber: `FX-${tag()}`,
          invoiceDate: isoDay(-1),
          dueDate: isoDay(30),
          amountCents: 10_000,
        }),
        'a bill',
      );
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/bills/${billId}/invoice?fileName=fixture.png`,
        headers: { authorization: `Bearer ${org.users.admin.token}`, 'content-type': 'image/png' },
        payload: PNG,
      });
      return created(res, 'a bill invoice');
    },
    /** A letter template saved through the API (version 1). */
    'letter-templates': async (org) =>
      created(
        await admin(org).post('/api/letter-templates', {
          name: `Fixture Letter ${tag()}`,
          body: 'Dear {{patient.firstName}},\n\nA fixture letter.',
        }),
        'a letter template',
      ),
    /** A letter to the path's patient (or a new one) from a new template. */
    letters: async (org, parents) => {
      const templateId = await (FACTORIES['letter-templates'] as Factory)(org, {});
      return created(await admin(org).post('/api/letters', { templateId, patientId: await patientOf(org, parents) }), 'a letter');
    },
    /** A batch of one letter to a new patient. */
    'letter-batches': async (org, parents) => {
      const templateId = await (FACTORIES['letter-templates'] as Factory)(org, {});
      const res = await admin(org).post('/api/letter-batches', { templateId, patientIds: [await patientOf(org, parents)] });
      return created(res, 'a letter batch');
    },
    /** A running recall campaign holding one new patient's overdue recall. */
    campaigns: async (org, parents) => {
      const patientId = await patientOf(org, parents);
      await created(
        await admin(org).post(`/api/patients/${patientId}/recalls`, { recallType: 'other', label: 'Fixture recall', dueDate: isoDay(-30) }),
        'a recall',
      );
      const draft = await admin(org).post('/api/campaigns', {
        name: `Fixture campaign ${tag()}`,
        recallTypes: ['other'],
        dueOnOrBefore: isoDay(0),
      });
      const id = await created(draft, 'a recall campaign');
      const version = (draft.json() as { version: number }).version;
      const started = await admin(org).patch(`/api/campaigns/${id}`, { status: 'running' }, { 'if-match': `"${version}"` });
      if (started.statusCode !== 200) throw new Error(`could not start a campaign: ${started.statusCode} ${started.body}`);
      return id;
    },
    /** A member of the path's campaign (or of a new one). */
    members: async (org, parents) => {
      const campaignId = parents.campaigns ?? (await (FACTORIES.campaigns as Factory)(org, {}));
      const row = await t.db
        .selectFrom('recall_campaign_members')
        .select('id')
        .where('campaign_id', '=', campaignId)
        .executeTakeFirstOrThrow();
      return row.id;
    },
    /** A staff thread started by the admin, about a new patient (version 1). */
    'staff-threads': async (org, parents) =>
      created(
        await admin(org).post('/api/staff-threads', {
          subject: 'Fixture thread',
          body: 'Route fixture.',
          patientId: await patientOf(org, parents),
        }),
        'a staff thread',
      ),
    /** Clinical list items of the path's patient, written by the org's clinician. */
    problems: async (org, parents) =>
      created(await t.as(org, 'clinician').post(`/api/patients/${await patientOf(org, parents)}/problems`, { code: 'I10' }), 'a problem'),
    allergies: async (org, parents) =>
      created(
        await t.as(org, 'clinician').post(`/api/patients/${await patientOf(org, parents)}/allergies`, { substance: 'Penicillin' }),
        'an allergy',
      ),
    medications: async (org, parents) =>
      created(
        await t.as(org, 'clinician').post(`/api/patients/${await patientOf(org, parents)}/medications`, { name: 'Lisinopril' }),
        'a medication',
      ),
    prescriptions: async (org, parents) => {
      const body = { drugName: 'Lisinopril', strength: '10 mg', sig: 'Take 1 tablet daily', quantity: 30, quantityUnit: 'tablets' };
      const res = await t.as(org, 'clinician').post(`/api/patients/${await patientOf(org, parents)}/prescriptions`, body);
      if (res.statusCode !== 201) throw new Error(`could not create a prescription: ${res.statusCode} ${res.body}`);
      return (res.json() as { prescription: { id: string } }).prescription.id;
    },
    /** An open (ad hoc) encounter of the path's patient, opened by the org's clinician, with a note to sign. */
    encounters: async (org, parents) => {
      const opened = await t.as(org, 'clinician').post('/api/encounters', {
        patientId: await patientOf(org, parents),
        providerId: org.providerId,
        locationId: org.locationId,
      });
      const id = await created(opened, 'an encounter');
      const noted = await t
        .as(org, 'clinician')
        .patch(`/api/encounters/${id}`, { note: { subjective: 'Follow-up visit.' } }, { 'if-match': opened.headers.etag as string });
      if (noted.statusCode !== 200) throw new Error(`could not write the fixture note: ${noted.statusCode} ${noted.body}`);
      return id;
    },
    /** A standard fee schedule entry (a code of its own: entries of one code must not overlap). */
    'fee-schedule': (() => {
      let next = 20_000;
      return async (org: TestOrg) =>
        created(
          await admin(org).post('/api/fee-schedule', { code: String(next++), amountCents: 10_000, effectiveFrom: '2026-01-01' }),
          'a fee entry',
        );
    })(),
    /** A contracted amount of the path's payer. */
    contract: (() => {
      let next = 30_000;
      return async (org: TestOrg, parents: Parents) => {
        const payerId = parents.payers ?? (await payerOf(org));
        const body = { code: String(next++), amountCents: 7_000, effectiveFrom: '2026-01-01' };
        return created(await admin(org).post(`/api/payers/${payerId}/contract`, body), 'a contracted amount');
      };
    })(),
    /** A charge in review, as signing an encounter creates it (written directly: the fixture encounter stays open). */
    charges: async (org, parents) => {
      const patientId = await patientOf(org, parents);
      const encounterId = await (FACTORIES.encounters as Factory)(org, { ...parents, patients: patientId });
      const row = await t.db
        .insertInto('charges')
        .values({
          organization_id: org.id,
          patient_id: patientId,
          encounter_id: encounterId,
          line: 1,
          provider_id: org.providerId,
          location_id: org.locationId,
          date_of_service: isoDay(0),
          procedure_code: '99213',
          modifiers: [],
          units: 1,
          diagnosis_pointers: [1],
          encounter_diagnoses: ['I10'],
          diagnosis_codes: ['I10'],
          unit_price_cents: 15_000,
          amount_cents: 15_000,
          price_source: 'fee_schedule',
          status: 'review',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    /** A draft claim built through the API from an approved charge of a fixture encounter, for the patient's primary coverage. */
    claims: async (org, parents) => {
      const patientId = await patientOf(org, parents);
      await (FACTORIES.coverages as Factory)(org, { ...parents, patients: patientId });
      const chargeId = await (FACTORIES.charges as Factory)(org, { ...parents, patients: patientId });
      const charge = await t.db
        .updateTable('charges')
        .set({ status: 'approved', approved_at: new Date() })
        .where('id', '=', chargeId)
        .returning('encounter_id')
        .executeTakeFirstOrThrow();
      return created(await t.as(org, 'biller').post('/api/claims', { encounterId: charge.encounter_id }), 'a claim');
    },
    /** A cash payment of the path's patient (or a new one), posted through the API. */
    payments: async (org, parents) => {
      const patientId = await patientOf(org, parents);
      const res = await t
        .as(org, 'front_desk')
        .post('/api/payments', { patientId, amountCents: 2_500, method: 'cash', locationId: org.locationId });
      return created(res, 'a payment');
    },
    /** A statement run through the API (a threshold nobody reaches: no statements). */
    'statement-runs': async (org) =>
      created(await t.as(org, 'biller').post('/api/statement-runs', { minBalanceCents: 9_999_999_999 }), 'a statement run'),
    /** A statement of the path's patient (or a new one) as a run writes it, with a printable snapshot. */
    statements: async (org, parents) => {
      const patientId = await patientOf(org, parents);
      const run = await t.db
        .insertInto('statement_runs')
        .values({ organization_id: org.id, location_id: org.locationId, as_of: '2026-03-02', min_balance_cents: 1, statement_count: 1 })
        .returning('id')
        .executeTakeFirstOrThrow();
      const aging = { '0-30': 1_000, '31-60': 0, '61-90': 0, '91-120': 0, '120+': 0 };
      const row = await t.db
        .insertInto('statements')
        .values({
          organization_id: org.id,
          run_id: run.id,
          guarantor_key: patientId,
          guarantor_patient_id: patientId,
          guarantor_name: 'Route Matrix',
          patient_ids: [patientId],
          issued_on: '2026-03-02',
          next_statement_on: '2026-04-01',
          dunning_level: 'first',
          amount_due_cents: 1_000,
          aging_0_30_cents: 1_000,
          aging_31_60_cents: 0,
          aging_61_90_cents: 0,
          aging_91_120_cents: 0,
          aging_120_plus_cents: 0,
          delivery: 'print',
          snapshot: JSON.stringify({
            practice: { name: 'Route Matrix Practice', locationName: null, addressLines: [], phone: null },
            guarantor: { name: 'Route Matrix', addressLines: [], accountNumber: 'G-ROUTE' },
            issuedOn: '2026-03-02',
            dueOn: '2026-04-01',
            dunningLevel: 'first',
            patients: [{ id: patientId, name: 'Route Matrix' }],
            visits: [],
            aging,
            amountDueCents: 1_000,
          }),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    /** An active payment plan of a new patient (one active plan per patient), first due in a month. */
    'payment-plans': async (org) => {
      const res = await t.as(org, 'biller').post('/api/payment-plans', {
        patientId: await insertPatient(t.db, org.id),
        totalCents: 3_000,
        installmentCents: 1_000,
        frequency: 'monthly',
        firstDueOn: isoDay(30),
      });
      return created(res, 'a payment plan');
    },
    /** An 837P batch row (its text stands in: the routes read it back, nothing parses it). */
    'claim-batches': (() => {
      let next = 1;
      return async (org: TestOrg) => {
        const x12 = `ISA*fixture batch ${tag()}~`;
        const row = await t.db
          .insertInto('claim_batches')
          .values({
            organization_id: org.id,
            interchange_control_number: 900_000_000 + next,
            group_control_number: 900_000_000 + next++,
            claim_count: 1,
            total_charge_cents: 15_000,
            usage_indicator: 'T',
            x12,
            sha256: createHash('sha256').update(x12).digest('hex'),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        return row.id;
      };
    })(),
    /** An imported 835 file row (its text stands in: the summary reads rows, nothing parses it). */
    remittances: async (org: TestOrg) => {
      const x12 = `ISA*fixture remittance ${tag()}~`;
      const row = await t.db
        .insertInto('remittance_files')
        .values({
          organization_id: org.id,
          x12,
          sha256: createHash('sha256').update(x12).digest('hex'),
          transactions: 1,
          payment_cents: 0,
          claims_posted: 0,
          claims_already_posted: 0,
          claims_unmatched: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    /** An open reconciliation-queue entry: a remittance claim whose CLP01 is none of ours. */
    unmatched: async (org: TestOrg) => {
      const fileId = await (FACTORIES.remittances as Factory)(org, {});
      const payment = await t.db
        .insertInto('remittance_payments')
        .values({
          organization_id: org.id,
          file_id: fileId,
          trace_number: `FX${tag()}`,
          payer_key: '',
          payer_name: 'Fixture Payer',
          payment_cents: 0,
          credit_debit: 'C',
          method: 'NON',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const clp = {
        patientControlNumber: 'FX1',
        statusCode: '1',
        chargeCents: 100,
        paidCents: 0,
        patientResponsibilityCents: 0,
        adjustments: [],
        remarkCodes: [],
        lines: [],
      };
      const row = await t.db
        .insertInto('remittance_unmatched')
        .values({
          organization_id: org.id,
          payment_id: payment.id,
          file_id: fileId,
          patient_control_number: 'FX1',
          status_code: '1',
          payer_claim_control_number: '',
          paid_cents: 0,
          charge_cents: 100,
          reason: 'fixture: no claim has patient control number FX1',
          remittance: JSON.stringify(clp),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    'note-templates': async (org) =>
      created(await admin(org).post('/api/note-templates', { name: `Fixture template ${tag()}` }), 'a note template'),
    'quick-texts': async (org) =>
      created(await admin(org).post('/api/quick-texts', { abbreviation: `.fx${tag()}`, text: 'Fixture text' }), 'a quick text'),
    /** A break-glass grant a nurse opened on a restricted record (a manager may review it). */
    'break-glass': async (org) => {
      const patientId = await insertPatient(t.db, org.id, { restricted: true });
      const res = await t.as(org, 'nurse').post(`/api/patients/${patientId}/break-glass`, { reason: 'route fixture: emergency access' });
      return created(res, 'a break-glass grant');
    },
    /** `/r/:token`: a signed confirm link for an appointment (of the path's patient, if any). */
    r: async (org, parents) => {
      const appointmentId = await (FACTORIES.appointments as Factory)(org, parents);
      const appt = await t.db.selectFrom('appointments').select('patient_id').where('id', '=', appointmentId).executeTakeFirstOrThrow();
      const expiresAt = new Date(t.clock.now().getTime() + 30 * 86_400_000);
      return issueLink(t.db, {
        organizationId: org.id,
        purpose: 'confirm',
        subjectId: appointmentId,
        patientId: appt.patient_id,
        expiresAt,
      });
    },
    /** A member of staff (a fresh account: its profile starts empty). */
    staff: async (org, parents) => (FACTORIES.users as Factory)(org, parents),
    'shift-templates': async (org) =>
      created(
        await admin(org).post('/api/shift-templates', {
          locationId: org.locationId,
          name: `Desk ${tag()}`,
          duty: 'front_desk',
          startTime: '08:00',
          endTime: '16:00',
        }),
        'a shift template',
      ),
    /** A future shift of a fresh member of staff (nobody works two at once). */
    shifts: async (org, parents) => {
      const userId = await (FACTORIES.users as Factory)(org, parents);
      const day = isoDay(40 + (rotaDay++ % 300));
      const body = { userId, locationId: org.locationId, duty: 'front_desk', start: `${day}T08:00`, end: `${day}T12:00` };
      return created(await admin(org).post('/api/shifts', body), 'a shift');
    },
    /** A pending swap asked by the shift's own person. */
    'swap-requests': async (org, parents) => {
      const shiftId = await (FACTORIES.shifts as Factory)(org, parents);
      const shift = await t.db.selectFrom('shifts').select('user_id').where('id', '=', shiftId).executeTakeFirstOrThrow();
      const toUserId = await (FACTORIES.users as Factory)(org, parents);
      const row = await t.db
        .insertInto('shift_swaps')
        .values({ organization_id: org.id, shift_id: shiftId, requested_by: shift.user_id, to_user_id: toUserId })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    'coverage-rules': async (org) =>
      created(
        await admin(org).post('/api/coverage-rules', {
          locationId: org.locationId,
          kind: 'support',
          duty: 'provider',
          supportDuties: ['nurse'],
        }),
        'a coverage rule',
      ),
    /** Pending time off the front desk asked for. */
    'time-off': async (org) => {
      const day = isoDay(60 + (rotaDay++ % 300));
      return created(await t.as(org, 'front_desk').post('/api/time-off', { start: day, end: day, reason: 'Route fixture' }), 'time off');
    },
    /** A backup on-call shift (backups may overlap, so fixtures never collide). */
    'on-call-shifts': async (org) => {
      const day = isoDay(40);
      const body = {
        userId: org.users.nurse.id,
        locationId: org.locationId,
        start: `${day}T18:00`,
        end: `${isoDay(41)}T08:00`,
        tier: 'backup',
      };
      return created(await admin(org).post('/api/on-call-shifts', body), 'an on-call shift');
    },
    /** A handover for whoever comes on next, written by a fresh member of staff (anyone else may acknowledge it). */
    handovers: async (org, parents) => {
      const writer = await (FACTORIES.users as Factory)(org, parents);
      const row = await t.db
        .insertInto('handovers')
        .values({ organization_id: org.id, location_id: org.locationId, written_by: writer, open_items: 'Route fixture handover' })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    /** `/ical/on-call/:token.ics`: the nurse's on-call feed token (it replaces the previous one). */
    'on-call': async (org) => {
      const res = await t.as(org, 'nurse').post('/api/on-call/ical-token', {});
      const token = /^\/ical\/on-call\/([^/]+)\.ics$/.exec((res.json() as { path?: string }).path ?? '')?.[1];
      if (res.statusCode !== 201 || !token) throw new Error(`could not create an on-call feed: ${res.statusCode} ${res.body}`);
      return token;
    },
    /** `/ical/:token.ics`: a calendar-feed token of the organization's provider (it replaces the previous one). */
    ical: async (org) => {
      const res = await admin(org).post(`/api/providers/${org.providerId}/ical-token`);
      const token = /^\/ical\/([^/]+)\.ics$/.exec((res.json() as { path?: string }).path ?? '')?.[1];
      if (res.statusCode !== 201 || !token) throw new Error(`could not create a calendar feed: ${res.statusCode} ${res.body}`);
      return token;
    },
  };

  /**
   * Fill each `:param` (and a trailing `*`) of `url`: the first parameter with an object of
   * `org`, the later (nested) ones with objects of `nestedOrg` (default `org`). Nested objects
   * belong to their parent when both are of one organization; given another organization, a
   * nested object belongs to a parent of that organization (the path then mixes two).
   */
  async function fillPath(url: string, org: TestOrg, nestedOrg: TestOrg = org): Promise<FilledPath> {
    const original = url.split('/');
    const segments = [...original];
    const unknown: string[] = [];
    const parents: Record<string, string> = {};
    let params = 0;
    for (let i = 0; i < original.length; i++) {
      const seg = original[i] as string;
      if (seg === '*') segments[i] = 'index.html';
      if (!seg.startsWith(':')) continue;
      const suffix = /^:[A-Za-z0-9_]+(.*)$/.exec(seg)?.[1] ?? ''; // '/ical/:token.ics'
      const before = original[i - 1] ?? '';
      const factory = Object.hasOwn(FACTORIES, before) ? FACTORIES[before] : undefined;
      const owner = params++ === 0 ? org : nestedOrg;
      let value: string;
      if (factory) {
        value = await factory(owner, owner === org ? parents : {});
        parents[before] = value;
      } else {
        value = randomUUID();
        unknown.push(`${before}/${seg}`);
      }
      segments[i] = value + suffix;
    }
    return { path: segments.join('/'), known: unknown.length === 0, unknown };
  }

  return { fillPath, segments: Object.keys(FACTORIES) };
}
