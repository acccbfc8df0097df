import { requireAt } from '../access/index.ts';
import type { Permission } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import type { Applicant, ApplicantDetail, StageMove } from './hiring.schemas.ts';
import type { ApplicantSource, Stage } from './hiring.tables.ts';
import { NEXT_STAGES } from './stage-rules.ts';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export function selectApplicants(tx: Ctx) {
  return tx.db
    .selectFrom('hiring_applicants as a')
    .innerJoin('hiring_positions as p', 'p.id', 'a.position_id')
    .innerJoin('location_directory as l', 'l.id', 'p.location_id')
    .leftJoin('hiring_onboardings as o', 'o.applicant_id', 'a.id')
    .select([
      'a.id',
      'a.name',
      'a.email',
      'a.phone',
      'a.source',
      'a.position_id',
      'p.title as position_title',
      'p.location_id',
      'l.name as location_name',
      'l.time_zone',
      'a.stage',
      'a.closed_reason',
      'a.interview_at',
      'a.notes',
      'a.hired_at',
      'o.id as onboarding_id',
      'a.created_at',
      'a.version',
    ])
    .where('a.organization_id', '=', tx.organizationId);
}

export type ApplicantRow = {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  source: ApplicantSource;
  position_id: string;
  position_title: string;
  location_id: string;
  location_name: string;
  time_zone: string;
  stage: Stage;
  closed_reason: string | null;
  interview_at: Date | null;
  notes: string;
  hired_at: Date | null;
  onboarding_id: string | null;
  created_at: Date;
  version: number;
};

export function toApplicant(r: ApplicantRow): Applicant {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    phone: r.phone,
    source: r.source,
    positionId: r.position_id,
    positionTitle: r.position_title,
    locationId: r.location_id,
    locationName: r.location_name,
    stage: r.stage,
    reason: r.closed_reason,
    interviewAt: iso(r.interview_at),
    notes: r.notes,
    hiredAt: iso(r.hired_at),
    onboardingId: r.onboarding_id,
    nextStages: [...NEXT_STAGES[r.stage]],
    createdAt: new Date(r.created_at).toISOString(),
    version: r.version,
  };
}

/** One applicant the caller reaches with `permission` at their position's location (else 404); `forUpdate` locks the row first. */
export async function loadApplicantRow(
  tx: Ctx,
  id: string,
  permission: Permission,
  opts: { forUpdate?: boolean } = {},
): Promise<ApplicantRow> {
  if (opts.forUpdate)
    await tx.db
      .selectFrom('hiring_applicants')
      .select('id')
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .forUpdate()
      .execute();
  const row = await selectApplicants(tx).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('applicant');
  requireAt(tx, permission, row.location_id, 'applicant');
  return row as ApplicantRow;
}

/** The applicant with every stage move, oldest first. */
export async function loadApplicantDetail(tx: Ctx, id: string, permission: Permission): Promise<ApplicantDetail> {
  const applicant = toApplicant(await loadApplicantRow(tx, id, permission));
  const moves = await tx.db
    .selectFrom('hiring_stage_moves as s')
    .leftJoin('staff_directory as u', 'u.id', 's.moved_by')
    .select(['s.from_stage', 's.to_stage', 's.note', 's.reason', 's.interview_at', 's.moved_by', 'u.display_name', 's.moved_at'])
    .where('s.organization_id', '=', tx.organizationId)
    .where('s.applicant_id', '=', id)
    .orderBy('s.seq')
    .execute();
  const history: StageMove[] = moves.map((m) => ({
    fromStage: m.from_stage,
    toStage: m.to_stage,
    note: m.note,
    reason: m.reason,
    interviewAt: iso(m.interview_at),
    movedBy: m.moved_by,
    movedByName: m.display_name,
    movedAt: new Date(m.moved_at).toISOString(),
  }));
  return { ...applicant, history };
}
