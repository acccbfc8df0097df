/**
 * Scheduling scenarios over a generated practice of 50 providers with Mon-Fri
 * 08:00-17:00 hours, a lunch block, and about half of the next four weeks booked:
 *  - availability: GET /api/availability for all 50 providers × 4 weeks (target p95 < 25 ms),
 *    and for one provider;
 *  - appointment-book: concurrent POST /api/appointments at random provider times
 *    (201 or 409 SLOT_TAKEN; non2xx counts the conflicts, errors must stay 0);
 *  - appointment-book-open-slots: the same at open times, about one request in ten racing.
 */
import type { Db } from '@domain/shared/context.ts';
import { seededRandom } from '@domain/shared/random.ts';
import { npiWithCheckDigit } from '@domain/shared/validation.ts';
import { addDays, isoWeekday, localToEpochMs } from '@domain/scheduling/local-time.ts';
import { localDateOf } from '@domain/scheduling/local-time.ts';
import { sql } from 'kysely';
import { type BenchServer, load, type LoadResult, type Scenario, sequentialLatency } from '../harness.ts';

const ZONE = 'America/New_York';
const MINUTE = 60_000;

export interface GeneratedSchedule {
  locationId: string;
  providerIds: string[];
  followUpTypeId: string;
  procedureTypeId: string;
  /** First local date of the generated weeks (tomorrow). */
  firstDate: string;
  appointments: number;
  /** The 20-minute follow-up times left open, in generation order (provider, epoch ms). */
  open: { p: string; s: number }[];
}

/** Generate providers, hours, types, rooms and booked appointments (fill ≈ `fill`) for `weeks` from tomorrow. */
export async function generateSchedule(
  db: Db,
  organizationId: string,
  patientIds: string[],
  opts: { providers?: number; weeks?: number; fill?: number; seed?: number } = {},
): Promise<GeneratedSchedule> {
  const providers = opts.providers ?? 50;
  const weeks = opts.weeks ?? 4;
  const rnd = seededRandom(opts.seed ?? 42);
  const location = await db
    .insertInto('locations')
    .values({ organization_id: organizationId, name: `Bench Clinic ${Date.now()}`, time_zone: ZONE })
    .returning('id')
    .executeTakeFirstOrThrow();
  // NPIs are unique per organization: a second schedule in the same practice (same seed,
  // so the same draws) moves each NPI that is taken to the next block of `providers` stems.
  const taken = new Set(
    (await db.selectFrom('providers').select('npi').where('organization_id', '=', organizationId).execute()).map((r) => r.npi),
  );
  const npiFor = (i: number) => {
    let stem = 300_000_000 + i * 7 + rnd.int(0, 6);
    while (taken.has(npiWithCheckDigit(String(stem)))) stem += providers * 7;
    const npi = npiWithCheckDigit(String(stem));
    taken.add(npi);
    return npi;
  };
  const provs = await db
    .insertInto('providers')
    .values(
      Array.from({ length: providers }, (_, i) => ({
        organization_id: organizationId,
        given_name: 'Bench',
        family_name: `Provider ${i + 1}`,
        npi: npiFor(i),
      })),
    )
    .returning('id')
    .execute();
  const providerIds = provs.map((p) => p.id);
  await db
    .insertInto('rooms')
    .values(
      [1, 2, 3].map((n) => ({ organization_id: organizationId, location_id: location.id, name: `Procedure ${n}`, kind: 'procedure room' })),
    )
    .execute();
  const [followUp, procedure] = await db
    .insertInto('appointment_types')
    .values([
      { organization_id: organizationId, name: `Bench follow-up ${Date.now()}`, duration_minutes: 20 },
      {
        organization_id: organizationId,
        name: `Bench procedure ${Date.now()}`,
        duration_minutes: 45,
        buffer_minutes: 15,
        resource_kinds: ['procedure room'],
      },
    ])
    .returning('id')
    .execute();
  const firstDate = addDays(localDateOf(Date.now(), ZONE), 1);
  await db
    .insertInto('availability_templates')
    .values(
      providerIds.flatMap((providerId) =>
        [1, 2, 3, 4, 5].map((weekday) => ({
          organization_id: organizationId,
          provider_id: providerId,
          location_id: location.id,
          weekday,
          start_time: '08:00',
          end_time: '17:00',
          effective_from: firstDate,
          effective_to: null,
        })),
      ),
    )
    .execute();
  await db
    .insertInto('availability_exceptions')
    .values(
      providerIds.map((providerId) => ({
        organization_id: organizationId,
        provider_id: providerId,
        location_id: location.id,
        kind: 'blocked' as const,
        start_date: firstDate,
        end_date: addDays(firstDate, weeks * 7),
        start_time: '12:00',
        end_time: '13:00',
        reason: 'Lunch',
      })),
    )
    .execute();
  const rows: { p: string; pt: string; s: number }[] = [];
  const open: { p: string; s: number }[] = [];
  for (const providerId of providerIds) {
    for (let d = 0; d < weeks * 7; d++) {
      const date = addDays(firstDate, d);
      if (isoWeekday(date) > 5) continue;
      for (const [from, to] of [
        ['08:00', '12:00'],
        ['13:00', '17:00'],
      ] as const) {
        for (let t = localToEpochMs(ZONE, date, from); t + 20 * MINUTE <= localToEpochMs(ZONE, date, to); t += 20 * MINUTE) {
          if (rnd.chance(opts.fill ?? 0.5)) rows.push({ p: providerId, pt: rnd.pick(patientIds), s: t });
          else open.push({ p: providerId, s: t });
        }
      }
    }
  }
  for (let i = 0; i < rows.length; i += 5_000) {
    const chunk = rows.slice(i, i + 5_000);
    await sql`
      insert into appointments (organization_id, patient_id, provider_id, location_id, appointment_type_id, starts_at, ends_at, blocked_until)
      select ${organizationId}::uuid, pt, p, ${location.id}::uuid, ${followUp?.id}::uuid, s, s + interval '20 minutes', s + interval '20 minutes'
        from unnest(${chunk.map((r) => r.p)}::uuid[], ${chunk.map((r) => r.pt)}::uuid[], ${chunk.map((r) => new Date(r.s).toISOString())}::timestamptz[]) as x(p, pt, s)`.execute(
      db,
    );
  }
  await sql`analyze appointments`.execute(db);
  return {
    locationId: location.id,
    providerIds,
    followUpTypeId: followUp?.id as string,
    procedureTypeId: procedure?.id as string,
    firstDate,
    appointments: rows.length,
    open,
  };
}

let generated: Promise<GeneratedSchedule> | undefined;
async function schedule(s: BenchServer): Promise<GeneratedSchedule> {
  generated ??= (async () => {
    const patients = await s.patients();
    const t0 = performance.now();
    const g = await generateSchedule(s.db, s.organizationId, patients, { seed: s.options.seed });
    process.stderr.write(
      `generated ${g.providerIds.length} providers, ${g.appointments} appointments in ${((performance.now() - t0) / 1000).toFixed(1)}s\n`,
    );
    return g;
  })();
  return generated;
}

const auth = (s: BenchServer) => ({ authorization: `Bearer ${s.adminToken}` });

/** Sequential availability queries: 50 providers × 4 weeks, then one provider × 4 weeks. */
export async function runAvailabilityQueries(s: BenchServer, count = 200): Promise<LoadResult[]> {
  const g = await schedule(s);
  const from = new Date(localToEpochMs(ZONE, g.firstDate, '00:00'));
  const to = new Date(from.getTime() + 28 * 86_400_000);
  const base = `/api/availability?locationId=${g.locationId}&from=${from.toISOString()}&to=${to.toISOString()}`;
  const all = (i: number) => `${base}&appointmentTypeId=${i % 4 === 3 ? g.procedureTypeId : g.followUpTypeId}`;
  const one = (i: number) => `${base}&appointmentTypeId=${g.followUpTypeId}&providerId=${g.providerIds[i % g.providerIds.length]}`;
  for (let i = 0; i < 20; i++) await (await fetch(`${s.url}${all(i)}`, { headers: auth(s) })).arrayBuffer();
  return [
    await sequentialLatency('availability-50-providers-4-weeks', count, (i) => fetch(`${s.url}${all(i)}`, { headers: auth(s) }), {
      providers: g.providerIds.length,
      appointments: g.appointments,
    }),
    await sequentialLatency('availability-1-provider-4-weeks', count, (i) => fetch(`${s.url}${one(i)}`, { headers: auth(s) })),
  ];
}

const countAppointments = async (s: BenchServer) =>
  Number(
    (
      await s.db
        .selectFrom('appointments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** POST /api/appointments under load, each body from `next`; reports how many were booked and how many refused. */
async function bookingLoad(
  s: BenchServer,
  scenario: string,
  next: () => { providerId: string; start: string },
  extra: Record<string, unknown> = {},
): Promise<LoadResult> {
  const g = await schedule(s);
  const patients = await s.patients();
  const rnd = seededRandom(s.options.seed + 3);
  const before = await countAppointments(s);
  const result = await load(scenario, {
    url: `${s.url}/api/appointments`,
    method: 'POST',
    headers: { ...auth(s), 'content-type': 'application/json' },
    connections: s.options.connections,
    duration: s.options.durationSeconds,
    requests: [
      {
        setupRequest: (req: Record<string, unknown>) => {
          const body = { patientId: rnd.pick(patients), appointmentTypeId: g.followUpTypeId, locationId: g.locationId, ...next() };
          return { ...req, body: JSON.stringify(body) };
        },
      },
    ],
  } as unknown as Parameters<typeof load>[1]);
  const booked = (await countAppointments(s)) - before;
  return { ...result, booked, conflicts: result.non2xx, ...extra };
}

/** Concurrent booking load at random provider times in the generated weeks (conflicts answer 409). */
export async function runBookingLoad(s: BenchServer): Promise<LoadResult> {
  const g = await schedule(s);
  const rnd = seededRandom(s.options.seed + 7);
  return bookingLoad(s, 'appointment-book', () => {
    let date = addDays(g.firstDate, rnd.int(0, 27));
    while (isoWeekday(date) > 5) date = addDays(date, 1);
    const minutes = rnd.pick([8, 9, 10, 11, 13, 14, 15, 16]) * 60 + rnd.pick([0, 20, 40]);
    const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    return { providerId: rnd.pick(g.providerIds), start: `${date}T${time}` };
  });
}

/**
 * Booking as a front desk does it: times that availability offered (the open follow-up
 * slots, in random order), and every tenth request races another desk for a time that was
 * just asked for, so about one in ten answers 409.
 */
export async function runOpenSlotBookingLoad(s: BenchServer): Promise<LoadResult> {
  const g = await schedule(s);
  const rnd = seededRandom(s.options.seed + 11);
  const slots = [...g.open];
  for (let i = slots.length - 1; i > 0; i--) {
    const j = rnd.int(0, i);
    [slots[i], slots[j]] = [slots[j] as (typeof slots)[number], slots[i] as (typeof slots)[number]];
  }
  let next = 0;
  let last: (typeof slots)[number] | undefined;
  return bookingLoad(
    s,
    'appointment-book-open-slots',
    () => {
      const race = last !== undefined && rnd.chance(0.1);
      const slot = race ? (last as (typeof slots)[number]) : (slots[next++ % slots.length] as (typeof slots)[number]);
      last = slot;
      return { providerId: slot.p, start: new Date(slot.s).toISOString() };
    },
    { openSlots: slots.length },
  );
}

export const schedulingScenarios: Scenario[] = [
  {
    name: 'availability',
    description: 'GET /api/availability: 50 providers × 4 weeks and 1 provider × 4 weeks (p50/p95/p99)',
    run: (s) => runAvailabilityQueries(s),
  },
  {
    name: 'appointment-book',
    once: true,
    description: 'POST /api/appointments under concurrent load (201 or 409 SLOT_TAKEN)',
    run: (s) => runBookingLoad(s),
  },
  {
    name: 'appointment-book-open-slots',
    once: true,
    description: 'POST /api/appointments for open times, one request in ten racing another for the same time',
    run: (s) => runOpenSlotBookingLoad(s),
  },
];
