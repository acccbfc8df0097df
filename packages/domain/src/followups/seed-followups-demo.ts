/**
 * Demo follow-ups and recalls. Follow-ups: the demo's signed encounters put theirs on the
 * worklist through the `encounter.signed` reaction; four to eight more are added here (eight
 * open in all when the encounters add none) for patients the practice has seen (a "Follow-up"
 * visit is for established patients), due over the next four weeks, two of them today so the
 * home tile has work at each location on any weekday. Recalls:
 * ten, several overdue (two with a contact log), the rest due in the coming months.
 */
import type { DemoSeeder } from '../demo/index.ts';
import { addDays, localDateOf } from '../scheduling/index.ts';
import { seededRandom } from '../shared/random.ts';
import type { ContactMethod, ContactOutcome, RecallType } from './followups.tables.ts';

const FOLLOW_UP_NOTES = [
  'Recheck blood pressure on the new dose',
  'Review lab results',
  'Diabetes check, bring glucose log',
  'Wound check',
  'Reassess knee pain after physical therapy',
  'Thyroid follow-up',
];

const RECALLS: { type: RecallType; label?: string; dueIn: number; contacts?: [ContactMethod, ContactOutcome, string][] }[] = [
  { type: 'annual_physical', dueIn: -45, contacts: [['phone', 'left_message', 'Voicemail, asked to call back']] },
  { type: 'mammogram', dueIn: -30 },
  { type: 'colonoscopy', dueIn: -20, contacts: [['letter', 'no_answer', 'Reminder letter mailed']] },
  { type: 'diabetic_eye', dueIn: -12 },
  { type: 'annual_physical', dueIn: -5 },
  { type: 'lab', label: 'A1c', dueIn: -2 },
  { type: 'wellness', dueIn: 10 },
  { type: 'other', label: 'B12 injection', dueIn: 21 },
  { type: 'annual_physical', dueIn: 40 },
  { type: 'mammogram', dueIn: 75 },
];

export const seedFollowupsDemo: DemoSeeder = async (demo) => {
  const { db, clock } = demo.ctx;
  const org = demo.organizationId;
  const rnd = seededRandom(20_260_145);
  const now = clock.now();
  const zones = new Map(
    (await db.selectFrom('location_directory').select(['id', 'time_zone']).where('organization_id', '=', org).execute()).map((l) => [
      l.id,
      l.time_zone,
    ]),
  );
  const today = (locationId: string) => localDateOf(now.getTime(), zones.get(locationId) ?? 'UTC');
  // Patients the practice has seen (checked out before now), open records only, in a fixed order.
  const seen = await db
    .selectFrom('appointment_times as a')
    .innerJoin('patient_names as p', 'p.id', 'a.patient_id')
    .select('a.patient_id')
    .distinct()
    .where('a.organization_id', '=', org)
    .where('a.status', '=', 'checked_out')
    .where('a.starts_at', '<', now)
    .where('p.restricted', '=', false)
    .orderBy('a.patient_id')
    .execute();
  const seenIds = seen.map((r) => r.patient_id);
  const followUpType = await db
    .selectFrom('appointment_type_names')
    .select('id')
    .where('organization_id', '=', org)
    .where('name', '=', 'Follow-up')
    .executeTakeFirst();

  const open = await db
    .selectFrom('follow_ups')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', '=', org)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  const wanted = Math.max(4, 8 - Number(open.n));
  const already = new Set(
    (await db.selectFrom('follow_ups').select('patient_id').where('organization_id', '=', org).execute()).map((r) => r.patient_id),
  );
  const candidates = seenIds.filter((id) => !already.has(id)).slice(0, wanted);
  // Alternating locations; providers 0-1 work at the first, 2-3 at the second (the scheduling
  // demo). The first two are due today, so every location's tile has one whatever the weekday.
  const DUE_IN = [0, 0, 2, 3, 9, 12, 20, 26];
  const rows = candidates.map((patientId, i) => {
    const atSecond = i % 2 === 1 && demo.locationIds.length > 1;
    const providerIndex = (atSecond ? 2 : 0) + (Math.floor(i / 2) % 2);
    const locationId = demo.locationIds[atSecond ? 1 : 0] as string;
    return {
      organization_id: org,
      patient_id: patientId,
      provider_id: (demo.providerIds[providerIndex] ?? demo.providerIds[0]) as string,
      location_id: locationId,
      appointment_type_id: followUpType?.id ?? null,
      due_date: addDays(today(locationId), DUE_IN[i] ?? 14 + i),
      note: FOLLOW_UP_NOTES[i % FOLLOW_UP_NOTES.length] as string,
      created_at: now,
      updated_at: now,
    };
  });
  if (rows.length) await db.insertInto('follow_ups').values(rows).execute();

  const recallPatients = demo.patientIds.filter((id) => !candidates.includes(id));
  const openPatients = new Set(
    (await db.selectFrom('patient_names').select('id').where('organization_id', '=', org).where('restricted', '=', false).execute()).map(
      (r) => r.id,
    ),
  );
  const pool = recallPatients.filter((id) => openPatients.has(id));
  const location0 = demo.locationIds[0] as string;
  for (const [i, r] of RECALLS.entries()) {
    const patientId = pool[(i * 7 + rnd.int(0, 3)) % pool.length] as string;
    const recall = await db
      .insertInto('recalls')
      .values({
        organization_id: org,
        patient_id: patientId,
        recall_type: r.type,
        label: r.label ?? null,
        due_date: addDays(today(location0), r.dueIn),
        provider_id: demo.providerIds[i % 2] ?? null,
        status: r.contacts ? 'contacted' : 'due',
        note: '',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [k, [method, outcome, note]] of (r.contacts ?? []).entries()) {
      await db
        .insertInto('recall_contacts')
        .values({
          organization_id: org,
          recall_id: recall.id,
          contacted_at: new Date(now.getTime() - (3 + k) * 86_400_000),
          user_id: demo.userIds.front_desk,
          method,
          outcome,
          note,
          created_at: now,
        })
        .execute();
    }
  }
};
