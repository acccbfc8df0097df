/**
 * Demo hiring: three positions being worked (two at the location the app opens on, one at the
 * other), nine applicants across the stages with their histories, and one hire whose onboarding
 * is partly done (forms and payroll ticked, the account not yet created).
 */
import type { Role } from '../access/index.ts';
import type { DemoSeeder } from '../demo/index.ts';
import { addDays, localDateOf } from '../scheduling/index.ts';
import type { ApplicantSource, EmploymentType, Stage } from './hiring.tables.ts';
import { DEFAULT_ONBOARDING_ITEMS } from './open-onboarding.ts';
import { NEXT_STAGES } from './stage-rules.ts';

const DAY = 86_400_000;

const POSITIONS: {
  key: string;
  title: string;
  role: Role;
  type: EmploymentType;
  openings: number;
  home: boolean;
  daysAgo: number;
  description: string;
}[] = [
  {
    key: 'desk',
    title: 'Patient services representative',
    role: 'front_desk',
    type: 'full_time',
    openings: 2,
    home: true,
    daysAgo: 30,
    description: 'Check-in and check-out, scheduling, insurance cards and copays. Monday to Friday, 8:00 to 4:30.',
  },
  {
    key: 'biller',
    title: 'Medical biller',
    role: 'biller',
    type: 'part_time',
    openings: 1,
    home: true,
    daysAgo: 18,
    description: 'Claims, denials and patient statements, about 24 hours a week. Two years of physician billing preferred.',
  },
  {
    key: 'nurse',
    title: 'Registered nurse',
    role: 'nurse',
    type: 'per_diem',
    openings: 1,
    home: false,
    daysAgo: 12,
    description: 'Covers clinic sessions, vaccines and phone triage when the regular nurse is away. Current RN licence and BLS.',
  },
];

const APPLICANTS: {
  position: string;
  name: string;
  email: string;
  phone: string | null;
  source: ApplicantSource;
  stage: Stage;
  daysAgo: number;
  reason?: string;
  notes?: string;
}[] = [
  {
    position: 'desk',
    name: 'Keisha Morgan',
    email: 'keisha.morgan@example.net',
    phone: '+16175550191',
    source: 'referral',
    stage: 'hired',
    daysAgo: 26,
    notes: 'Referred by the front desk. Starts Monday.',
  },
  {
    position: 'desk',
    name: 'Daniel Okafor',
    email: 'daniel.okafor@example.net',
    phone: '+16175550154',
    source: 'job_board',
    stage: 'interview',
    daysAgo: 14,
    notes: 'Two years at an urgent care front desk.',
  },
  {
    position: 'desk',
    name: 'Priya Raman',
    email: 'priya.raman@example.net',
    phone: null,
    source: 'website',
    stage: 'screening',
    daysAgo: 6,
  },
  {
    position: 'desk',
    name: 'Tom Brennan',
    email: 'tom.brennan@example.net',
    phone: '+16175550133',
    source: 'walk_in',
    stage: 'rejected',
    daysAgo: 20,
    reason: 'Looking for evening hours only.',
  },
  {
    position: 'biller',
    name: 'Lucia Fernandez',
    email: 'lucia.fernandez@example.net',
    phone: '+16175550118',
    source: 'agency',
    stage: 'offer',
    daysAgo: 15,
    notes: 'CPC certified; offer sent at $27/hour.',
  },
  {
    position: 'biller',
    name: 'Marcus Lee',
    email: 'marcus.lee@example.net',
    phone: null,
    source: 'job_board',
    stage: 'applied',
    daysAgo: 2,
  },
  {
    position: 'biller',
    name: 'Hannah Schultz',
    email: 'hannah.schultz@example.net',
    phone: '+16175550175',
    source: 'website',
    stage: 'withdrawn',
    daysAgo: 11,
    reason: 'Accepted another offer.',
  },
  {
    position: 'nurse',
    name: 'Grace Adeyemi',
    email: 'grace.adeyemi@example.net',
    phone: '+13035550162',
    source: 'referral',
    stage: 'interview',
    daysAgo: 9,
  },
  {
    position: 'nurse',
    name: 'Ben Carter',
    email: 'ben.carter@example.net',
    phone: '+13035550147',
    source: 'job_board',
    stage: 'applied',
    daysAgo: 1,
  },
];

/** The stages from applied up to `stage` (rejected and withdrawn after screening). */
function pathTo(stage: Stage): Stage[] {
  if (stage === 'rejected' || stage === 'withdrawn') return ['applied', 'screening', stage];
  const out: Stage[] = ['applied'];
  while (out[out.length - 1] !== stage) {
    const next = NEXT_STAGES[out[out.length - 1] as Stage][0] as Stage;
    out.push(next);
  }
  return out;
}

export const seedHiringDemo: DemoSeeder = async (demo) => {
  const { db, clock } = demo.ctx;
  const org = demo.organizationId;
  const nowMs = clock.now().getTime();
  const locations = await db
    .selectFrom('location_directory')
    .select(['id', 'time_zone'])
    .where('organization_id', '=', org)
    .where('id', 'in', demo.locationIds)
    .orderBy('name')
    .execute();
  const home = locations[0];
  const other = locations[1] ?? home;
  if (!home || !other) return;
  const manager = demo.userIds.office_manager;
  const positionIds = new Map<string, string>();
  for (const p of POSITIONS) {
    const loc = p.home ? home : other;
    const row = await db
      .insertInto('hiring_positions')
      .values({
        organization_id: org,
        location_id: loc.id,
        title: p.title,
        role: p.role,
        employment_type: p.type,
        openings: p.openings,
        opened_on: addDays(localDateOf(nowMs, loc.time_zone), -p.daysAgo),
        description: p.description,
        hiring_manager_id: p.role === 'nurse' ? demo.userIds.admin : manager,
        created_at: new Date(nowMs - p.daysAgo * DAY),
        updated_at: new Date(nowMs - p.daysAgo * DAY),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    positionIds.set(p.key, row.id);
  }
  for (const a of APPLICANTS) {
    const positionId = positionIds.get(a.position) as string;
    const steps = pathTo(a.stage);
    const applied = nowMs - a.daysAgo * DAY;
    const at = (i: number) => new Date(applied + (i * a.daysAgo * DAY) / (steps.length + 1));
    const lastAt = at(steps.length - 1);
    const interviewAt = a.stage === 'interview' ? new Date(Math.ceil((nowMs + 2 * DAY) / 3_600_000) * 3_600_000) : null;
    const row = await db
      .insertInto('hiring_applicants')
      .values({
        organization_id: org,
        position_id: positionId,
        name: a.name,
        email: a.email,
        phone: a.phone,
        source: a.source,
        stage: a.stage,
        closed_reason: a.reason ?? null,
        interview_at: interviewAt,
        notes: a.notes ?? '',
        hired_at: a.stage === 'hired' ? lastAt : null,
        version: steps.length,
        created_at: new Date(applied),
        updated_at: lastAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('hiring_stage_moves')
      .values(
        steps.map((stage, i) => ({
          organization_id: org,
          applicant_id: row.id,
          from_stage: i === 0 ? null : (steps[i - 1] as Stage),
          to_stage: stage,
          note: stage === 'screening' ? 'Phone screen went well.' : stage === 'offer' ? 'Offer letter emailed.' : null,
          reason: stage === a.stage ? (a.reason ?? null) : null,
          interview_at: stage === 'interview' ? interviewAt : null,
          moved_by: i === 0 ? null : manager,
          moved_at: at(i),
        })),
      )
      .execute();
    if (a.stage === 'hired') {
      const onboarding = await db
        .insertInto('hiring_onboardings')
        .values({ organization_id: org, applicant_id: row.id, position_id: positionId, created_at: lastAt, updated_at: lastAt })
        .returning('id')
        .executeTakeFirstOrThrow();
      // Forms and payroll done; the badge, keys and the account wait for the first day.
      await db
        .insertInto('hiring_onboarding_items')
        .values(
          DEFAULT_ONBOARDING_ITEMS.map((label, position) => ({
            organization_id: org,
            onboarding_id: onboarding.id,
            label,
            position,
            done_at: position < 3 ? new Date(lastAt.getTime() + DAY) : null,
            done_by: position < 3 ? manager : null,
            created_at: lastAt,
          })),
        )
        .execute();
    }
  }
};
