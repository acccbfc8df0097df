/**
 * Demo encounters, templates and quick texts. Today's checked-out visits and a past visit for
 * some patients (one to five months ago, ad hoc) and ten of the last three weeks' visits (so the
 * billing queues never start empty) carry signed notes with realistic SOAP text, vitals,
 * codes from the demo procedure list (the codes module seeds it first) and follow-ups; two of
 * today's roomed or with-provider visits have open drafts. Three templates tied to the demo
 * appointment types, and the quick texts a practice types all day. Rows are written directly
 * (the seeding actor holds no clinical permission); signatures are the clinician's and
 * complete, so `encounter.signed` is emitted (the follow-up worklist fills from it).
 */
import type { DemoSeeder } from '../demo/index.ts';
import { type AppointmentFacts, addDays, loadAppointmentFacts, localDateOf } from '../scheduling/index.ts';
import type { Ctx } from '../shared/context.ts';
import { emit } from '../shared/events.ts';
import { seededRandom } from '../shared/random.ts';
import { encounterSigned } from './encounter-signed.ts';
import { loadEncounterFull } from './encounter-row.ts';
import { signedPayload } from './encounter-signature.ts';

interface Visit {
  subjective: string;
  objective: string;
  assessment: string;
  plan: string;
  diagnoses: string[];
  procedures: { code: string; units?: number; pointers: number[]; modifiers?: string[] }[];
  followUp: { inDays: number; type: string | null; note: string } | null;
}

const EXAM =
  'General: alert, in no distress. HEENT: normocephalic, TMs clear, oropharynx without erythema. Neck: supple, no adenopathy. ' +
  'Lungs: clear to auscultation bilaterally. Heart: regular rate and rhythm, no murmur. Abdomen: soft, non-tender. Extremities: no edema.';

const VISITS: Visit[] = [
  {
    subjective:
      'Here for blood pressure follow-up. Taking lisinopril 10 mg daily, no missed doses. Home readings 128-138/78-86. Denies headache, chest pain, shortness of breath.',
    objective: EXAM,
    assessment: 'Essential hypertension, improving on lisinopril; goal BP < 130/80 not yet met.',
    plan: 'Increase lisinopril to 20 mg daily. Basic metabolic panel today. Continue home readings, low-salt diet. Return in 4 weeks.',
    diagnoses: ['I10'],
    procedures: [
      { code: '99214', pointers: [1] },
      { code: '36415', pointers: [1] },
    ],
    followUp: { inDays: 28, type: 'Follow-up', note: 'Recheck blood pressure on the new dose' },
  },
  {
    subjective:
      'Type 2 diabetes check. On metformin 1000 mg twice daily. Fasting sugars 120-150. Occasional tingling in both feet at night. No hypoglycemia.',
    objective: `${EXAM} Monofilament: decreased sensation at both great toes.`,
    assessment: 'Type 2 diabetes mellitus with diabetic polyneuropathy; A1c 7.4% today (was 7.9%).',
    plan: 'Continue metformin. Start gabapentin 100 mg at bedtime. Podiatry referral. Diabetic eye exam due. Return in 3 months with glucose log.',
    diagnoses: ['E11.42', 'Z79.84'],
    procedures: [
      { code: '99214', pointers: [1, 2] },
      { code: '83036', pointers: [1] },
    ],
    followUp: { inDays: 90, type: 'Follow-up', note: 'Diabetes check, bring glucose log' },
  },
  {
    subjective: 'Sore throat and fever for 2 days. No cough. Sister had strep last week.',
    objective: 'Temp 101.2 F. Tonsils enlarged with exudate, tender anterior cervical nodes. Lungs clear.',
    assessment: 'Streptococcal pharyngitis, rapid strep positive.',
    plan: 'Amoxicillin 500 mg twice daily for 10 days. Fluids, ibuprofen for fever. Return if not better in 48-72 hours.',
    diagnoses: ['J02.0'],
    procedures: [
      { code: '99213', pointers: [1] },
      { code: '87880', pointers: [1] },
    ],
    followUp: null,
  },
  {
    subjective: 'Annual physical. Feels well. Exercises 3 times a week. Non-smoker, 2-3 drinks a week. Due for flu shot.',
    objective: EXAM,
    assessment: 'Routine adult health examination; hyperlipidemia on diet.',
    plan: 'Fasting lipid panel and CMP ordered. Flu vaccine given today. Colon cancer screening discussed. Annual physical in one year.',
    diagnoses: ['Z00.00', 'E78.5', 'Z23'],
    procedures: [
      { code: '99396', pointers: [1, 2] },
      { code: '90686', pointers: [3] },
      { code: '90471', pointers: [3] },
    ],
    followUp: { inDays: 365, type: 'Annual physical', note: 'Annual physical' },
  },
  {
    subjective: 'Low back pain for 1 week after lifting boxes. No leg weakness, numbness, or bladder changes.',
    objective: 'Paraspinal tenderness L4-L5, straight leg raise negative bilaterally, strength 5/5, reflexes symmetric.',
    assessment: 'Acute low back strain without red flags.',
    plan: 'Naproxen 500 mg twice daily with food for 7 days, heat, gentle stretching. Physical therapy if not better in 2 weeks.',
    diagnoses: ['S39.012A'],
    procedures: [{ code: '99213', pointers: [1] }],
    followUp: { inDays: 14, type: 'Follow-up', note: 'Reassess back pain' },
  },
];

const TEMPLATES = [
  {
    type: 'New patient',
    name: 'New patient visit',
    subjective:
      'Chief complaint:\nHistory of present illness:\nPast medical history:\nMedications:\nAllergies:\nFamily history:\nSocial history:\nReview of systems: ',
    objective: 'Vitals reviewed.\n',
    assessment: '',
    plan: 'Labs:\nMedications:\nEducation:\nReturn: ',
  },
  {
    type: 'Follow-up',
    name: 'Follow-up visit',
    subjective: 'Here for follow-up of \nSince last visit:\nMedication adherence:\nSide effects: ',
    objective: 'Vitals reviewed.\n',
    assessment: '',
    plan: 'Continue current medications.\nReturn in ',
  },
  {
    type: 'Annual physical',
    name: 'Annual physical',
    subjective: 'Annual physical. Concerns today:\nDiet and exercise:\nTobacco/alcohol:\nScreenings due: ',
    objective: '.normalexam',
    assessment: 'Routine adult health examination.',
    plan: 'Age-appropriate screening reviewed.\nImmunizations:\nLabs:\nAnnual physical in one year.',
  },
];

const QUICK_TEXTS = [
  { abbreviation: '.normalexam', text: EXAM },
  {
    abbreviation: '.ros',
    text: 'Review of systems: negative for fever, chills, weight change, chest pain, shortness of breath, abdominal pain, urinary symptoms, rash, and mood changes except as noted.',
  },
  { abbreviation: '.nkda', text: 'No known drug allergies.' },
  { abbreviation: '.rtc', text: 'Return to clinic if symptoms worsen or do not improve; call with any questions.' },
  { abbreviation: '.bpgoal', text: 'Blood pressure goal < 130/80. Home readings twice daily for 2 weeks.' },
];

const VITALS = [
  { systolic: 134, diastolic: 84, heart_rate: 76, respiratory_rate: 16, spo2: 98, t: 98.4, w: 188, h: 69 },
  { systolic: 122, diastolic: 78, heart_rate: 68, respiratory_rate: 14, spo2: 99, t: 98.1, w: 152, h: 64 },
  { systolic: 118, diastolic: 72, heart_rate: 96, respiratory_rate: 18, spo2: 97, t: 101.2, w: 141, h: 66 },
  { systolic: 128, diastolic: 80, heart_rate: 72, respiratory_rate: 16, spo2: 98, t: 97.9, w: 203, h: 71 },
];

async function writeEncounter(
  ctx: Ctx,
  e: { patientId: string; providerId: string; locationId: string; appointmentId: string | null; date: string; signedBy: string | null },
  visit: Visit,
  vitals: (typeof VITALS)[number],
  typeIds: Map<string, string>,
  at: Date,
): Promise<void> {
  const org = ctx.organizationId;
  const row = await ctx.db
    .insertInto('encounters')
    .values({
      organization_id: org,
      patient_id: e.patientId,
      provider_id: e.providerId,
      location_id: e.locationId,
      appointment_id: e.appointmentId,
      date_of_service: e.date,
      subjective: visit.subjective,
      objective: e.signedBy ? visit.objective : '',
      assessment: e.signedBy ? visit.assessment : '',
      plan: e.signedBy ? visit.plan : '',
      systolic: vitals.systolic,
      diastolic: vitals.diastolic,
      heart_rate: vitals.heart_rate,
      respiratory_rate: vitals.respiratory_rate,
      spo2: vitals.spo2,
      temperature_value: vitals.t,
      temperature_unit: 'F',
      weight_value: vitals.w,
      weight_unit: 'lb',
      height_value: vitals.h,
      height_unit: 'in',
      follow_up_in_days: e.signedBy ? (visit.followUp?.inDays ?? null) : null,
      follow_up_appointment_type_id: e.signedBy && visit.followUp?.type ? (typeIds.get(visit.followUp.type) ?? null) : null,
      follow_up_note: e.signedBy ? (visit.followUp?.note ?? null) : null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (!e.signedBy) return;
  await ctx.db
    .insertInto('encounter_diagnoses')
    .values(visit.diagnoses.map((code, i) => ({ organization_id: org, encounter_id: row.id, position: i + 1, code })))
    .execute();
  await ctx.db
    .insertInto('encounter_procedures')
    .values(
      visit.procedures.map((p, i) => ({
        organization_id: org,
        encounter_id: row.id,
        line: i + 1,
        code: p.code,
        modifiers: p.modifiers ?? [],
        units: p.units ?? 1,
        diagnosis_pointers: p.pointers,
      })),
    )
    .execute();
  const signedAt = new Date(at.getTime() + 25 * 60_000);
  await ctx.db
    .updateTable('encounters')
    .set({ status: 'signed', signed_at: signedAt, signed_by: e.signedBy, version: 2, updated_at: signedAt })
    .where('id', '=', row.id)
    .execute();
  await emit(ctx, encounterSigned, signedPayload(await loadEncounterFull(ctx, row.id)));
}

export const seedEncountersDemo: DemoSeeder = async (demo) => {
  const ctx = demo.ctx;
  const org = demo.organizationId;
  const rnd = seededRandom(20_260_135);
  const now = ctx.clock.now();
  const types = await ctx.db.selectFrom('appointment_type_names').select(['id', 'name']).where('organization_id', '=', org).execute();
  const typeIds = new Map(types.map((t) => [t.name, t.id]));

  await ctx.db
    .insertInto('note_templates')
    .values(
      TEMPLATES.map((t) => ({
        organization_id: org,
        appointment_type_id: typeIds.get(t.type) ?? null,
        name: t.name,
        subjective: t.subjective,
        objective: t.objective,
        assessment: t.assessment,
        plan: t.plan,
      })),
    )
    .execute();
  await ctx.db
    .insertInto('quick_texts')
    .values(QUICK_TEXTS.map((q) => ({ organization_id: org, ...q })))
    .execute();

  // The clinician login signs its own provider's notes; the others' notes are signed by their provider's account when linked.
  const signers = await ctx.db
    .selectFrom('staff_directory')
    .select(['id', 'provider_id'])
    .where('organization_id', '=', org)
    .where('provider_id', 'is not', null)
    .execute();
  const signerOf = new Map(signers.map((s) => [s.provider_id as string, s.id]));
  const clinicianUser = demo.userIds.clinician;
  const signerFor = (providerId: string): string | undefined =>
    providerId === demo.providerIds[0] ? clinicianUser : signerOf.get(providerId);
  // A note of a booked visit: linked to the appointment, for its patient, provider and place, on its local day.
  const noteOf = (facts: AppointmentFacts) => ({
    patientId: facts.patientId,
    providerId: facts.providerId,
    locationId: facts.locationId,
    appointmentId: facts.id,
    date: localDateOf(facts.startsAt.getTime(), facts.zone),
  });
  const zones = new Map(
    (await ctx.db.selectFrom('location_directory').select(['id', 'time_zone']).where('organization_id', '=', org).execute()).map((l) => [
      l.id,
      l.time_zone,
    ]),
  );

  // Today's visits on the flow board (scheduling's: read through its view and facts).
  const visits = await ctx.db
    .selectFrom('appointment_times')
    .select(['id', 'status', 'starts_at'])
    .where('organization_id', '=', org)
    .where('starts_at', '>=', new Date(now.getTime() - 24 * 3_600_000))
    .where('starts_at', '<=', now)
    .where('status', 'in', ['checked_out', 'roomed', 'with_provider'])
    .orderBy('starts_at')
    .execute();
  let drafts = 0;
  let i = 0;
  for (const v of visits) {
    const facts = await loadAppointmentFacts(ctx.db, org, v.id);
    if (!facts) continue;
    const signer = signerFor(facts.providerId);
    const base = noteOf(facts);
    const visit = VISITS[i % VISITS.length] as Visit;
    const vitals = VITALS[i % VITALS.length] as (typeof VITALS)[number];
    if (v.status === 'checked_out' && signer) {
      await writeEncounter(ctx, { ...base, signedBy: signer }, visit, vitals, typeIds, facts.startsAt);
      i++;
    } else if (v.status !== 'checked_out' && drafts < 2) {
      await writeEncounter(ctx, { ...base, signedBy: null }, visit, vitals, typeIds, facts.startsAt);
      drafts++;
      i++;
    }
  }

  // Earlier visits (ad hoc here: the demo schedule starts today), so charts have a timeline.
  const [loc0] = demo.locationIds as [string];
  const zone = zones.get(loc0) ?? 'America/New_York';
  const todayLocal = localDateOf(now.getTime(), zone);
  const patients = demo.patientIds.slice(0, Math.min(24, demo.patientIds.length));
  for (const patientId of patients) {
    const daysAgo = rnd.int(30, 150);
    const date = addDays(todayLocal, -daysAgo);
    const at = new Date(now.getTime() - daysAgo * 86_400_000);
    const providerId = demo.providerIds[0] as string;
    const visit = VISITS[i % VISITS.length] as Visit;
    const vitals = VITALS[i % VITALS.length] as (typeof VITALS)[number];
    // Old follow-ups would all be overdue: the plan is kept, the worklist only gets today's.
    await writeEncounter(
      ctx,
      { patientId, providerId, locationId: loc0, appointmentId: null, date, signedBy: clinicianUser },
      { ...visit, followUp: null },
      vitals,
      typeIds,
      at,
    );
    i++;
  }

  // Notes for ten of the last three weeks' visits (the scheduling demo's history: checked-out
  // visits before the last 24 hours; one a day, latest first, of a provider whose account signs),
  // so the billing queues have recent work whatever the hour the demo is seeded: just after
  // midnight, the day has no visit yet. Their follow-ups are left out, as the older visits' are.
  const history = await ctx.db
    .selectFrom('appointment_times')
    .select('id')
    .where('organization_id', '=', org)
    .where('starts_at', '>=', new Date(now.getTime() - 20 * 86_400_000))
    .where('starts_at', '<', new Date(now.getTime() - 24 * 3_600_000))
    .where('status', '=', 'checked_out')
    .orderBy('starts_at', 'desc')
    .orderBy('id')
    .execute();
  const days = new Set<string>();
  for (const { id } of history) {
    if (days.size >= 10) break;
    const facts = await loadAppointmentFacts(ctx.db, org, id);
    const signer = facts && signerFor(facts.providerId);
    if (!facts || !signer) continue;
    const note = noteOf(facts);
    if (days.has(note.date)) continue;
    days.add(note.date);
    const visit = VISITS[i % VISITS.length] as Visit;
    const vitals = VITALS[i % VITALS.length] as (typeof VITALS)[number];
    await writeEncounter(ctx, { ...note, signedBy: signer }, { ...visit, followUp: null }, vitals, typeIds, facts.startsAt);
    i++;
  }
};
