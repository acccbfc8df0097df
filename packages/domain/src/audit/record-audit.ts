/**
 * Write one audit event inside the caller's transaction. Every read, search,
 * create, update, delete, print or export of patient data and every
 * authentication event goes through here; there is no switch that turns it off.
 * Every event must be declared in the audit catalogue (each module's manifest, `audit`)
 * and its details must have the declared shape, or the write throws before anything is
 * written (insertAudited: with the caller's transaction, its details being SQL).
 */
import { type Compilable, type OperationNodeSource, type RawBuilder, sql } from 'kysely';

const isRawBuilder = (v: unknown): v is RawBuilder<unknown> =>
  typeof v === 'object' && v !== null && (v as { isRawBuilder?: unknown }).isRawBuilder === true;
import { type AuditAction, auditEventSpec, checkAuditDetails, checkAuditEvent, type DeclaredAuditEvent } from '../shared/audit-events.ts';
import { actorRoleLabel, actorUserId, type Ctx } from '../shared/context.ts';

export type { AuditAction };

/**
 * The audit catalogue (every module's declared events), read once from the module list.
 * Lazily: audit must not import modules.ts statically. After the first write it is a
 * plain map lookup.
 */
let catalogue: ReadonlyMap<string, DeclaredAuditEvent> | undefined;

async function loadCatalogue(): Promise<ReadonlyMap<string, DeclaredAuditEvent>> {
  const { auditCatalogue } = await import('../modules.ts');
  catalogue = auditCatalogue();
  return catalogue;
}

/**
 * Throws unless (action, resourceType) is declared and `details` (null when absent) has the
 * declared shape: the check every write goes through, before anything is written.
 */
async function checkEvent(event: { action: string; resourceType: string }, details: unknown): Promise<void> {
  checkAuditEvent(catalogue ?? (await loadCatalogue()), event.action, event.resourceType, details);
}

/** What requirePatientAccess answered (structurally; audit does not import access). */
export interface AuditedAccess {
  patientId: string;
  breakGlass: boolean;
  grantId?: string | null;
}

export interface AuditEventInput {
  action: AuditAction;
  resourceType: string;
  resourceId?: string | null;
  patientId?: string | null;
  outcome?: 'success' | 'denied';
  /**
   * The access decision for this patient (the result of requirePatientAccess). Pass it on
   * every row about a patient: it sets patientId and marks the row when access rests on a
   * break-glass grant, without another query.
   */
  access?: AuditedAccess;
  breakGlass?: boolean;
  changes?: Record<string, { before: unknown; after: unknown }> | null;
  details?: Record<string, unknown> | null;
  /** For events before a user is known (failed login): who was named. */
  userId?: string | null;
  organizationId?: string | null;
}

/** Key for the shared lock writers hold while appending; the sealer takes it exclusively to find a safe watermark. */
export const AUDIT_APPEND_LOCK = 720_451_002;

export async function recordAudit(ctx: Ctx, event: AuditEventInput): Promise<void> {
  await checkEvent(event, event.details);
  // The shared lock must cover the insert until it commits, or the sealer could take a
  // watermark past this seq while the row is still invisible. Outside a transaction
  // (autocommit) the lock would end with its own statement, so open one.
  if (!ctx.db.isTransaction) {
    await ctx.db.transaction().execute((trx) => appendAudit({ ...ctx, db: trx }, event));
    return;
  }
  await appendAudit(ctx, event);
}

async function appendAudit(ctx: Ctx, event: AuditEventInput): Promise<void> {
  const patientId = event.patientId !== undefined ? event.patientId : (event.access?.patientId ?? null);
  const flag = await breakGlassFlag(ctx, event, patientId);
  const details = flag.grantId ? { ...event.details, breakGlassGrantId: flag.grantId } : (event.details ?? null);
  // One statement: the CTE takes the shared append lock before the row (and its seq) is
  // produced. Shared locks never wait on each other, so appends stay concurrent; the sealer
  // only try-locks exclusively, so it never queues in front of writers.
  await sql`
    with append_lock as (select pg_advisory_xact_lock_shared(${AUDIT_APPEND_LOCK}::bigint))
    ${auditInsert(ctx, event, patientId, flag.breakGlass, details, sql`append_lock`)}`.execute(ctx.db);
}

const AUDIT_ROWS_PER_STATEMENT = 5000;

/**
 * Many rows of one action and resource type at once (a batch of thousands of claims, a row per
 * patient), each with its own patient access, resource and details: one statement per 5,000
 * rows (a column array each) under the same shared append lock. Every event is checked against the catalogue first;
 * each needs its `access` (no break-glass probe per row). Inside the caller's transaction.
 */
export async function recordAuditMany(
  ctx: Ctx,
  events: readonly (AuditEventInput & { access: AuditedAccess; action: AuditAction; resourceType: string })[],
): Promise<void> {
  if (events.length === 0) return;
  if (!ctx.db.isTransaction) throw new Error('recordAuditMany needs a transaction');
  const [first] = events as [AuditEventInput];
  for (const e of events) {
    if (e.action !== first.action || e.resourceType !== first.resourceType) throw new Error('recordAuditMany writes one kind of event');
    await checkEvent(e, e.details);
  }
  for (let i = 0; i < events.length; i += AUDIT_ROWS_PER_STATEMENT) {
    const part = events.slice(i, i + AUDIT_ROWS_PER_STATEMENT);
    const details = part.map((e) =>
      JSON.stringify(e.access.breakGlass && e.access.grantId ? { ...e.details, breakGlassGrantId: e.access.grantId } : (e.details ?? null)),
    );
    await sql`
      with append_lock as (select pg_advisory_xact_lock_shared(${AUDIT_APPEND_LOCK}::bigint))
      insert into audit_events (organization_id, user_id, role, patient_id, action, resource_type, resource_id,
                                outcome, ip, user_agent, request_id, break_glass, changes, details)
      select ${ctx.organizationId || null}::uuid, ${actorUserId(ctx)}::uuid, ${actorRoleLabel(ctx) || null}, r.patient_id,
             ${first.action}, ${first.resourceType}, r.resource_id, 'success', ${ctx.ip},
             ${ctx.userAgent ? ctx.userAgent.slice(0, 500) : null}, ${ctx.requestId}, r.break_glass,
             r.changes, case when r.details = 'null'::jsonb then null else r.details end
      from append_lock, unnest(
        ${part.map((e) => e.access.patientId)}::uuid[],
        ${part.map((e) => e.resourceId ?? null)}::text[],
        ${part.map((e) => e.access.breakGlass)}::boolean[],
        ${part.map((e) => (e.changes ? JSON.stringify(e.changes) : null))}::jsonb[],
        ${details}::jsonb[]
      ) as r(patient_id, resource_id, break_glass, changes, details)`.execute(ctx.db);
  }
}

/** The INSERT of one audit row per row of `source` (a CTE that has taken the append lock). */
function auditInsert(
  ctx: Ctx,
  event: AuditEventInput,
  patientId: string | null | RawBuilder<unknown>,
  breakGlass: boolean,
  details: Record<string, unknown> | null | RawBuilder<unknown>,
  source: RawBuilder<unknown>,
  resourceId: string | null | RawBuilder<unknown> = event.resourceId ?? null,
) {
  const detailsSql = details === null || isRawBuilder(details) ? details : JSON.stringify(details);
  return sql`insert into audit_events (organization_id, user_id, role, patient_id, action, resource_type, resource_id,
                              outcome, ip, user_agent, request_id, break_glass, changes, details)
    select ${event.organizationId !== undefined ? event.organizationId : ctx.organizationId || null}::uuid,
           ${event.userId !== undefined ? event.userId : actorUserId(ctx)}::uuid,
           ${actorRoleLabel(ctx) || null}, ${patientId}::uuid, ${event.action}, ${event.resourceType},
           ${resourceId}, ${event.outcome ?? 'success'}, ${ctx.ip},
           ${ctx.userAgent ? ctx.userAgent.slice(0, 500) : null}, ${ctx.requestId}, ${breakGlass},
           ${event.changes ? JSON.stringify(event.changes) : null}::jsonb, ${detailsSql}::jsonb
    from ${source}`;
}

/**
 * Read rows and audit the read in ONE statement (its own transaction when the caller has
 * none): `read` is a SELECT; one audit row is appended only when it returns at least one
 * row, under the same shared append lock as recordAudit. For hot, simple reads where the
 * access decision needs no other query (the caller checks what comes back and falls back
 * to the general path otherwise). Not for reads under break-glass: the row is not flagged.
 */
export async function readAudited<Row>(ctx: Ctx, read: RawBuilder<Row>, event: AuditEventInput): Promise<Row[]> {
  await checkEvent(event, event.details);
  const patientId = event.patientId ?? null;
  const result = await sql<Row>`
    with found as (${read}),
         append_lock as (select pg_advisory_xact_lock_shared(${AUDIT_APPEND_LOCK}::bigint) where exists (select 1 from found)),
         appended as (${auditInsert(ctx, event, patientId, false, event.details ?? null, sql`append_lock`)} returning 1)
    select * from found`.execute(ctx.db);
  return result.rows;
}

/**
 * Write rows and audit each in ONE statement (one round trip instead of two): `write` is an
 * INSERT ... RETURNING of rows with an `id`, which becomes the audit row's resource id (and
 * patient id when `patientRow`); `details` is SQL over the written row `w` (e.g.
 * sql`jsonb_build_object('mrn', w.mrn)`). Never under break-glass: for new rows only, which no
 * grant can cover yet. Must run inside the caller's transaction (the append lock must last
 * until commit).
 */
export async function insertAudited<Row extends { id: string }>(
  ctx: Ctx,
  write: Compilable<Row> & OperationNodeSource,
  event: Omit<AuditEventInput, 'resourceId' | 'patientId' | 'details' | 'access' | 'breakGlass'> & {
    patientRow?: boolean;
    details?: RawBuilder<unknown>;
  },
): Promise<Row[]> {
  if (!ctx.db.isTransaction) throw new Error('insertAudited needs a transaction');
  const { details, patientRow, ...rest } = event;
  // SQL details can only be checked as written: they come back with each row, and a
  // mismatch throws inside the caller's transaction, so the rows and their audit roll back.
  const spec = auditEventSpec(catalogue ?? (await loadCatalogue()), rest.action, rest.resourceType);
  if (!details) checkAuditDetails(spec, null);
  const result = await sql<Row & { __audit_details?: unknown }>`
    with written as (${write}),
         append_lock as (select pg_advisory_xact_lock_shared(${AUDIT_APPEND_LOCK}::bigint) where exists (select 1 from written)),
         appended as (${auditInsert(
           ctx,
           rest,
           patientRow ? sql`w.id` : null,
           false,
           details ?? null,
           sql`append_lock, written w`,
           sql`w.id::text`,
         )} returning resource_id, details)
    ${
      details
        ? sql`select w.*, (select a.details from appended a where a.resource_id = w.id::text) as __audit_details from written w`
        : sql`select * from written`
    }`.execute(ctx.db);
  if (!details) return result.rows;
  return result.rows.map(({ __audit_details, ...row }) => {
    checkAuditDetails(spec, __audit_details);
    return row as unknown as Row;
  });
}

/**
 * The audit of rows the caller's statement writes, as CTEs for that statement's WITH (after
 * `source`, a CTE of the written rows): one audit row per row of `source`, under the same
 * shared append lock, with `resourceId` (SQL over `w`, a row of `source`, e.g. sql`w.id::text`)
 * as its resource. For writes whose statement already chains CTEs (an appointment and its
 * status event), so the audit costs no round trip of its own. The event must say whether
 * access rests on break-glass (`breakGlass` or `access`): there is no room for a probe.
 * Must run inside the caller's transaction (the append lock must last until commit).
 */
export async function auditCtes(
  ctx: Ctx,
  source: string,
  resourceId: RawBuilder<unknown>,
  event: Omit<AuditEventInput, 'resourceId'> & ({ breakGlass: boolean } | { access: AuditedAccess }),
): Promise<RawBuilder<unknown>> {
  if (!ctx.db.isTransaction) throw new Error('auditCtes needs a transaction');
  await checkEvent(event, event.details);
  const patientId = event.patientId !== undefined ? event.patientId : (event.access?.patientId ?? null);
  const flag = await breakGlassFlag(ctx, event, patientId);
  const details = flag.grantId ? { ...event.details, breakGlassGrantId: flag.grantId } : (event.details ?? null);
  const from = sql.ref(source);
  return sql`append_lock as (select pg_advisory_xact_lock_shared(${AUDIT_APPEND_LOCK}::bigint) where exists (select 1 from ${from})),
         appended as (${auditInsert(ctx, event, patientId, flag.breakGlass, details, sql`append_lock, ${from} w`, resourceId)})`;
}

/**
 * Whether this row happens under break-glass. The caller's access decision answers it
 * directly; a patient row written without one (a module that forgot to thread it) still
 * gets marked when the user holds an active grant for that patient: one index probe.
 */
async function breakGlassFlag(
  ctx: Ctx,
  event: AuditEventInput,
  patientId: string | null,
): Promise<{ breakGlass: boolean; grantId: string | null }> {
  if (event.breakGlass !== undefined || event.access) {
    const breakGlass = event.breakGlass === true || event.access?.breakGlass === true;
    return { breakGlass, grantId: breakGlass ? (event.access?.grantId ?? null) : null };
  }
  if (!patientId || ctx.actor.kind !== 'user' || event.outcome === 'denied') return { breakGlass: false, grantId: null };
  // Grants are compliance's: audit reads the view it declares (audit imports no module).
  const grant = await ctx.db
    .selectFrom('break_glass_windows')
    .select('id')
    .where('user_id', '=', ctx.actor.userId)
    .where('patient_id', '=', patientId)
    .where('expires_at', '>', ctx.clock.now())
    .orderBy('expires_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return grant ? { breakGlass: true, grantId: grant.id } : { breakGlass: false, grantId: null };
}

/** The before/after of each field that changed, for the audit row of an update. */
export function diffFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, { before: unknown; after: unknown }> | null {
  const out: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      out[key] = { before: before[key] ?? null, after: after[key] ?? null };
    }
  }
  return Object.keys(out).length ? out : null;
}
