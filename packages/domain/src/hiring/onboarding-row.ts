import { requireAt } from '../access/index.ts';
import type { Permission, Role } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { onboardingTrainingOf } from '../training/index.ts';
import type { ChecklistItem, Onboarding } from './hiring.schemas.ts';

/** A checklist step the system does and ticks (its `kind`; the practice's own are `manual`). */
const BY_SYSTEM = 'system' as const;

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export function selectOnboardings(tx: Ctx) {
  return tx.db
    .selectFrom('hiring_onboardings as o')
    .innerJoin('hiring_applicants as a', 'a.id', 'o.applicant_id')
    .innerJoin('hiring_positions as p', 'p.id', 'o.position_id')
    .innerJoin('location_directory as l', 'l.id', 'p.location_id')
    .innerJoin('staff_directory as m', 'm.id', 'p.hiring_manager_id')
    .leftJoin('staff_directory as c', 'c.id', 'o.account_created_by')
    .select([
      'o.id',
      'o.applicant_id',
      'a.name as applicant_name',
      'a.email',
      'a.hired_at',
      'o.position_id',
      'p.title as position_title',
      'p.role',
      'p.location_id',
      'l.name as location_name',
      'l.time_zone',
      'p.hiring_manager_id',
      'm.display_name as hiring_manager_name',
      'o.user_id',
      'o.account_created_at',
      'o.account_created_by',
      'c.display_name as account_created_by_name',
      'o.profile_filled_at',
      'o.created_at',
      'o.version',
    ])
    .where('o.organization_id', '=', tx.organizationId);
}

export type OnboardingRow = {
  id: string;
  applicant_id: string;
  applicant_name: string;
  email: string;
  hired_at: Date | null;
  position_id: string;
  position_title: string;
  role: Role;
  location_id: string;
  location_name: string;
  time_zone: string;
  hiring_manager_id: string;
  hiring_manager_name: string;
  user_id: string | null;
  account_created_at: Date | null;
  account_created_by: string | null;
  account_created_by_name: string | null;
  profile_filled_at: Date | null;
  created_at: Date;
  version: number;
};

/**
 * Onboardings with their checklists: the system's four steps (the account, its role at the
 * position's location, the training set the training module assigned to it, the staff profile)
 * and the practice's own items in their order.
 */
export async function toOnboardings(tx: Ctx, rows: readonly OnboardingRow[]): Promise<Onboarding[]> {
  if (rows.length === 0) return [];
  const manual = await tx.db
    .selectFrom('hiring_onboarding_items as i')
    .leftJoin('staff_directory as u', 'u.id', 'i.done_by')
    .select(['i.id', 'i.onboarding_id', 'i.label', 'i.done_at', 'i.done_by', 'u.display_name'])
    .where('i.organization_id', '=', tx.organizationId)
    .where(
      'i.onboarding_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('i.position')
    .orderBy('i.created_at')
    .execute();
  const accounts = rows.map((r) => r.user_id).filter((u): u is string => u !== null);
  const training = await onboardingTrainingOf(tx, accounts);
  return rows.map((r) => {
    const made = r.user_id !== null;
    const by = { doneAt: iso(r.account_created_at), doneBy: r.account_created_by, doneByName: r.account_created_by_name };
    const none = { doneAt: null, doneBy: null, doneByName: null };
    const t = r.user_id ? training.byUser.get(r.user_id) : undefined;
    const trained = made && (t !== undefined || training.onboardingSetSize === 0);
    const system: ChecklistItem[] = [
      {
        id: 'account',
        label: 'Account created and invitation sent',
        kind: BY_SYSTEM,
        done: made,
        ...(made ? by : none),
        detail: made ? r.email : null,
      },
      {
        id: 'roles',
        label: 'Role granted at the position’s location',
        kind: BY_SYSTEM,
        done: made,
        ...(made ? by : none),
        detail: `${r.role} at ${r.location_name}`,
      },
      {
        id: 'training',
        label: 'Onboarding training set assigned',
        kind: BY_SYSTEM,
        done: trained,
        ...(trained ? by : none),
        detail: !made
          ? null
          : t
            ? `${t.assigned} item${t.assigned === 1 ? '' : 's'} assigned, ${t.completed} completed`
            : 'The practice has no onboarding training items',
      },
      {
        id: 'profile',
        label: 'Staff profile filled (hire date, job title, location, supervisor)',
        kind: BY_SYSTEM,
        done: r.profile_filled_at !== null,
        ...(r.profile_filled_at ? { ...by, doneAt: iso(r.profile_filled_at) } : none),
        detail: r.profile_filled_at ? `${r.position_title} at ${r.location_name}, supervised by ${r.hiring_manager_name}` : null,
      },
    ];
    const own: ChecklistItem[] = manual
      .filter((i) => i.onboarding_id === r.id)
      .map((i) => ({
        id: i.id,
        label: i.label,
        kind: 'manual',
        done: i.done_at !== null,
        doneAt: iso(i.done_at),
        doneBy: i.done_by,
        doneByName: i.display_name,
        detail: null,
      }));
    const items = [...system, ...own];
    const done = items.filter((i) => i.done).length;
    return {
      id: r.id,
      applicantId: r.applicant_id,
      applicantName: r.applicant_name,
      email: r.email,
      positionId: r.position_id,
      positionTitle: r.position_title,
      role: r.role,
      locationId: r.location_id,
      locationName: r.location_name,
      hiringManagerId: r.hiring_manager_id,
      hiringManagerName: r.hiring_manager_name,
      hiredAt: iso(r.hired_at) ?? iso(r.created_at) ?? '',
      userId: r.user_id,
      accountCreatedAt: iso(r.account_created_at),
      items,
      done,
      total: items.length,
      complete: done === items.length,
      version: r.version,
    };
  });
}

/** One onboarding row the caller reaches with `permission` at its position's location (else 404); `forUpdate` locks it first. */
export async function loadOnboardingRow(
  tx: Ctx,
  id: string,
  permission: Permission,
  opts: { forUpdate?: boolean } = {},
): Promise<OnboardingRow> {
  if (opts.forUpdate)
    await tx.db
      .selectFrom('hiring_onboardings')
      .select('id')
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .forUpdate()
      .execute();
  const row = await selectOnboardings(tx).where('o.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('onboarding');
  requireAt(tx, permission, row.location_id, 'onboarding');
  return row as OnboardingRow;
}

export async function loadOnboarding(tx: Ctx, id: string, permission: Permission): Promise<Onboarding> {
  const [o] = await toOnboardings(tx, [await loadOnboardingRow(tx, id, permission)]);
  return o as Onboarding;
}
