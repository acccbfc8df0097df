/** The one query shape recalls are read with (with the last contact), and its mapping to the API object. */
import { sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import type { Recall, RecallContact } from './followups.schemas.ts';

/** Recalls of the caller's organization with names, the last contact and the number of contacts. */
export function selectRecalls(ctx: Ctx) {
  return ctx.db
    .selectFrom('recalls as r')
    .innerJoin('patient_names as p', 'p.id', 'r.patient_id')
    .leftJoin('provider_directory as pr', 'pr.id', 'r.provider_id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('recall_contacts as c')
          .leftJoin('staff_directory as s', 's.id', 'c.user_id')
          .whereRef('c.recall_id', '=', 'r.id')
          .select(['c.id', 'c.contacted_at', 'c.user_id', 's.display_name', 'c.method', 'c.outcome', 'c.note'])
          .select(sql<number>`count(*) over ()`.as('total'))
          .orderBy('c.contacted_at', 'desc')
          .orderBy('c.id', 'desc')
          .limit(1)
          .as('lc'),
      (j) => j.onTrue(),
    )
    .where('r.organization_id', '=', ctx.organizationId)
    .selectAll('r')
    .select([
      sql<string>`p.given_name || ' ' || p.family_name`.as('patient_name'),
      'p.restricted as patient_restricted',
      sql<
        string | null
      >`pr.given_name || ' ' || pr.family_name || case when pr.credentials <> '' then ', ' || pr.credentials else '' end`.as(
        'provider_name',
      ),
      'lc.id as contact_id',
      'lc.contacted_at as contact_at',
      'lc.user_id as contact_user_id',
      'lc.display_name as contact_user_name',
      'lc.method as contact_method',
      'lc.outcome as contact_outcome',
      'lc.note as contact_note',
      'lc.total as contact_count',
    ]);
}

export type RecallRow = Awaited<ReturnType<ReturnType<typeof selectRecalls>['executeTakeFirstOrThrow']>>;

/** `today`: the date at the desk's location (local-today.ts), for `overdue`. */
export function toRecall(r: RecallRow, today: string): Recall {
  return {
    id: r.id,
    patientId: r.patient_id,
    patientName: r.patient_name,
    recallType: r.recall_type,
    label: r.label,
    dueDate: r.due_date,
    overdue: r.due_date < today && (r.status === 'due' || r.status === 'contacted'),
    providerId: r.provider_id,
    providerName: r.provider_name,
    status: r.status,
    note: r.note,
    lastContact:
      r.contact_id && r.contact_at && r.contact_method && r.contact_outcome
        ? {
            id: r.contact_id,
            contactedAt: r.contact_at.toISOString(),
            userId: r.contact_user_id ?? null,
            userName: r.contact_user_name ?? null,
            method: r.contact_method,
            outcome: r.contact_outcome,
            note: r.contact_note ?? '',
          }
        : null,
    contactCount: Number(r.contact_count ?? 0),
    createdAt: r.created_at.toISOString(),
    version: r.version,
  };
}

export async function loadRecall(ctx: Ctx, id: string, today: string): Promise<Recall> {
  const row = await selectRecalls(ctx).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('recall');
  return toRecall(row, today);
}

/** Lock a recall of the caller's organization for a change; NOT_FOUND otherwise. */
export async function lockRecall(tx: Ctx, id: string) {
  const row = await tx.db
    .selectFrom('recalls')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', tx.organizationId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('recall');
  return row;
}

export type ContactRow = {
  id: string;
  recall_id: string;
  contacted_at: Date;
  user_id: string | null;
  display_name: string | null;
  method: RecallContact['method'];
  outcome: RecallContact['outcome'];
  note: string;
};

export function toContact(c: ContactRow): RecallContact {
  return {
    id: c.id,
    recallId: c.recall_id,
    contactedAt: c.contacted_at.toISOString(),
    userId: c.user_id,
    userName: c.display_name,
    method: c.method,
    outcome: c.outcome,
    note: c.note,
  };
}
