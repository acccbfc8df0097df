/**
 * Demo training: HIPAA annual privacy and security, OSHA bloodborne pathogens, the office's fire
 * and emergency procedure, and two policies to acknowledge (the onboarding set), assigned to
 * every demo account: most completed with their evidence, some due in the coming weeks, and the
 * front desk's HIPAA annual overdue by twelve days (the overdue report has a line).
 */
import type { DemoSeeder } from '../demo/index.ts';
import { addDays, localDateOf } from '../scheduling/index.ts';
import type { TrainingCategory, TrainingKind } from './training.tables.ts';

const ITEMS: {
  title: string;
  kind: TrainingKind;
  category: TrainingCategory;
  description: string;
  recurrence: number | null;
  days: number;
}[] = [
  {
    title: 'HIPAA privacy and security (annual)',
    kind: 'training',
    category: 'hipaa',
    description: 'The yearly course: minimum necessary, patient rights, sharing PHI by phone and email, reporting a breach.',
    recurrence: 12,
    days: 30,
  },
  {
    title: 'OSHA bloodborne pathogens',
    kind: 'training',
    category: 'osha',
    description: 'Exposure control plan, sharps, personal protective equipment, what to do after a needlestick.',
    recurrence: 12,
    days: 30,
  },
  {
    title: 'Fire and medical emergency procedure',
    kind: 'training',
    category: 'procedure',
    description: 'Exits, extinguishers, the AED and crash cart, who calls 911, where the team meets.',
    recurrence: null,
    days: 14,
  },
  {
    title: 'Acceptable use of computers and email',
    kind: 'policy',
    category: 'policy',
    description: 'Passwords, locking the screen, no PHI in personal email or messaging apps.',
    recurrence: null,
    days: 7,
  },
  {
    title: 'Patient privacy at the front desk',
    kind: 'policy',
    category: 'policy',
    description: 'Sign-in sheets, voices at the counter, screens facing away, what may be said on voicemail.',
    recurrence: null,
    days: 7,
  },
];

export const seedTrainingDemo: DemoSeeder = async (demo) => {
  const { db, clock } = demo.ctx;
  const today = localDateOf(clock.now().getTime(), 'America/New_York');
  const now = clock.now();
  const items = await db
    .insertInto('training_items')
    .values(
      ITEMS.map((i) => ({
        organization_id: demo.organizationId,
        title: i.title,
        kind: i.kind,
        category: i.category,
        description: i.description,
        due_within_days: i.days,
        recurrence_months: i.recurrence,
        onboarding: true,
        created_at: now,
        updated_at: now,
      })),
    )
    .returning(['id', 'title', 'kind'])
    .execute();
  const rows = [];
  for (const [role, userId] of Object.entries(demo.userIds)) {
    for (const [n, item] of items.entries()) {
      const overdue = role === 'front_desk' && n === 0;
      const open = overdue || (n + role.length) % 3 === 0;
      const dueOn = overdue ? addDays(today, -12) : open ? addDays(today, 5 + n * 6) : addDays(today, -40 - n * 9);
      rows.push({
        organization_id: demo.organizationId,
        item_id: item.id,
        user_id: userId,
        due_on: dueOn,
        assigned_by: demo.userIds.office_manager,
        source: 'onboarding' as const,
        completed_on: open ? null : addDays(dueOn, -3),
        evidence: open
          ? null
          : item.kind === 'policy'
            ? 'Read and acknowledged'
            : `Certificate ${(71_000 + n * 113 + role.length * 7).toString()}`,
        completed_at: open ? null : now,
        created_at: now,
        updated_at: now,
      });
    }
  }
  await db.insertInto('training_assignments').values(rows).execute();
};
