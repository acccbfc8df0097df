import { sql } from 'kysely';
import { patientAccessMany, requirePermission, todayAt } from '../access/index.ts';
import { recordAuditMany } from '../audit/index.ts';
import { AGE_BUCKETS, type AgeBucket, type OpenBalance, openBalances } from '../ledger/index.ts';
import { type Guarantor, familiesOf, guarantorsOf } from '../patients/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import type { WorklistItem, WorklistQuery } from './collections.schemas.ts';
import type { PlanStatus } from './collections.tables.ts';

/** Patients with open balances read per step, and steps per request: a request reads at most 2,000 patients' balances. */
const STEP = 200;
const MAX_STEPS = 10;

const zeros = () => Object.fromEntries(AGE_BUCKETS.map((b) => [b, 0])) as Record<AgeBucket, number>;

type Row = WorklistItem & {
  ownerId: string;
  shown: { patientId: string; balanceCents: number; breakGlass: boolean; grantId?: string | null }[];
};

/**
 * The collections worklist: guarantors whose patients together owe a patient balance, with the
 * age bucket of the oldest open balance, last statement, last contact, promise to pay (kept or
 * broken), plan status and agency status; filtered by bucket, promise, follow-up due and agency.
 *
 * Bounded pages: it walks the ledger's open balances by patient id (`openBalances`, 200 patients
 * a step, at most 10 steps a request), and a guarantor is listed once, at the lowest id among its
 * patients with an open balance (its "owner"), with the balances of all its patients. The cursor
 * is the last owner listed (or the last patient read when the steps ran out), so each guarantor
 * comes once across pages; a page may hold fewer than `limit` rows while `nextCursor` is set.
 * Patients the caller may not open are left out of a row (a row with none left is not shown);
 * every patient shown writes its audit row.
 */
export async function getWorklist(ctx: Ctx, q: WorklistQuery): Promise<{ items: WorklistItem[]; nextCursor: string | null }> {
  requirePermission(ctx, 'collections:read');
  return inTransaction(ctx, async (tx) => {
    const today = await todayAt(tx, tx.locationId);
    let after = decodeCursor(q.cursor);
    const out: Row[] = [];
    let nextCursor: string | null = null;
    for (let step = 0; ; step++) {
      const page = await openBalances(tx, { today, ...(after !== undefined && { afterPatientId: after }), limit: STEP });
      const rows = (await rowsOf(tx, page.items, today)).filter((r) => matches(r, q, today));
      for (const r of rows) {
        if (out.length === q.limit) break;
        out.push(r);
      }
      if (out.length === q.limit) {
        const more = rows.length > 0 && (rows.indexOf(out[out.length - 1] as Row) < rows.length - 1 || page.nextPatientId !== null);
        nextCursor = more ? encodeCursor((out[out.length - 1] as Row).ownerId) : null;
        break;
      }
      if (!page.nextPatientId) break;
      after = page.nextPatientId;
      if (step + 1 >= MAX_STEPS) {
        nextCursor = encodeCursor(after);
        break;
      }
    }
    await recordAuditMany(
      tx,
      out.flatMap((r) =>
        r.shown.map((s) => ({
          action: 'search' as const,
          resourceType: 'collection_account',
          resourceId: r.guarantorKey,
          access: { patientId: s.patientId, breakGlass: s.breakGlass, grantId: s.grantId ?? null },
          details: { guarantorKey: r.guarantorKey, balanceCents: s.balanceCents },
        })),
      ),
    );
    return { items: out.map(({ ownerId: _o, shown: _s, ...item }) => item), nextCursor };
  });
}

function matches(r: Row, q: WorklistQuery, today: string): boolean {
  if (q.bucket && r.bucket !== q.bucket) return false;
  if (q.hasPromise === 'true' && !r.promise) return false;
  if (q.hasPromise === 'false' && r.promise) return false;
  if (q.followUpDue === 'true' && !(r.followUpOn && r.followUpOn <= today)) return false;
  if (q.agency && r.agencyStatus !== q.agency) return false;
  return true;
}

/** The worklist rows owned by this step's patients (guarantors whose lowest open-balance patient is among them). */
async function rowsOf(tx: Ctx, balances: OpenBalance[], today: string): Promise<Row[]> {
  if (balances.length === 0) return [];
  const inStep = new Set(balances.map((b) => b.patientId));
  const guarantors = await guarantorsOf(
    tx,
    balances.map((b) => b.patientId),
  );
  const byKey = new Map<string, Guarantor>();
  for (const g of guarantors.values()) byKey.set(g.key, g);
  const keys = [...byKey.keys()];
  const families = await familiesOf(tx, keys);
  const memberIds = [...new Set([...families.values()].flatMap((f) => f.members.map((m) => m.patientId)))];
  const known = new Map(balances.map((b) => [b.patientId, b]));
  const missing = memberIds.filter((id) => !known.has(id));
  if (missing.length > 0)
    for (const b of (await openBalances(tx, { today, patientIds: missing, limit: 5000 })).items) known.set(b.patientId, b);
  // Each key is listed by the step holding its lowest patient with an open balance.
  const owned: { key: string; ownerId: string; family: OpenBalance[] }[] = [];
  for (const key of keys) {
    const family = (families.get(key)?.members ?? []).flatMap(({ patientId }) => {
      const b = known.get(patientId);
      return b ? [b] : [];
    });
    const ownerId = family.map((b) => b.patientId).sort()[0];
    if (!ownerId || !inStep.has(ownerId)) continue;
    if (family.reduce((s, b) => s + b.patientCents, 0) <= 0) continue;
    owned.push({ key, ownerId, family });
  }
  if (owned.length === 0) return [];
  const familyIds = owned.flatMap((o) => o.family.map((b) => b.patientId));
  const names = await tx.db
    .selectFrom('patient_names')
    .select(['id', 'given_name', 'family_name', 'restricted'])
    .where('organization_id', '=', tx.organizationId)
    .where('id', 'in', familyIds)
    .execute();
  const nameOf = new Map(names.map((n) => [n.id, n]));
  const access = await patientAccessMany(
    tx,
    names.map((n) => ({ id: n.id, restricted: n.restricted })),
  );
  const ownedKeys = owned.map((o) => o.key);
  const accounts = await tx.db
    .selectFrom('collection_accounts')
    .selectAll()
    .where('organization_id', '=', tx.organizationId)
    .where('guarantor_key', 'in', ownedKeys)
    .execute();
  const accountOf = new Map(accounts.map((a) => [a.guarantor_key, a]));
  const plans = await sql<{ guarantor_key: string; status: PlanStatus }>`
    select distinct on (guarantor_key) guarantor_key, status from payment_plans
     where organization_id = ${tx.organizationId} and guarantor_key = any(${ownedKeys}::text[])
     order by guarantor_key, (status = 'active') desc, created_at desc`.execute(tx.db);
  const planOf = new Map(plans.rows.map((p) => [p.guarantor_key, p.status]));
  const rows: Row[] = [];
  for (const o of owned) {
    const visible = o.family.filter((b) => access.get(b.patientId) && nameOf.has(b.patientId));
    const balanceCents = visible.reduce((s, b) => s + b.patientCents, 0);
    if (balanceCents <= 0) continue;
    const aging = zeros();
    for (const b of visible) for (const bucket of AGE_BUCKETS) aging[bucket] += b.patientAging[bucket];
    const bucket = [...AGE_BUCKETS].reverse().find((x) => aging[x] > 0) ?? '0-30';
    const g = byKey.get(o.key) as Guarantor;
    const a = accountOf.get(o.key);
    const promise =
      a?.promise_on && a.promise_cents !== null && a.promise_made_on
        ? {
            on: a.promise_on,
            amountCents: Number(a.promise_cents),
            madeOn: a.promise_made_on,
            paidCents: Number(a.promise_paid_cents),
            status:
              Number(a.promise_paid_cents) >= Number(a.promise_cents)
                ? ('kept' as const)
                : a.promise_on < today
                  ? ('broken' as const)
                  : ('pending' as const),
          }
        : null;
    rows.push({
      ownerId: o.ownerId,
      guarantorKey: o.key,
      guarantorName: `${g.givenName} ${g.familyName}`.trim(),
      balanceCents,
      bucket,
      aging,
      oldestSince: visible.map((b) => b.oldestSince).sort()[0] as string,
      patients: visible
        .filter((b) => b.patientCents !== 0)
        .map((b) => {
          const n = nameOf.get(b.patientId);
          return { id: b.patientId, name: `${n?.given_name ?? ''} ${n?.family_name ?? ''}`.trim(), balanceCents: b.patientCents };
        }),
      lastStatement: a?.last_statement_on && a.last_statement_level ? { on: a.last_statement_on, level: a.last_statement_level } : null,
      lastContact: a?.last_contact_at && a.last_contact_type ? { at: a.last_contact_at.toISOString(), type: a.last_contact_type } : null,
      followUpOn: a?.follow_up_on ?? null,
      promise,
      planStatus: planOf.get(o.key) ?? null,
      missedInstallment: a?.missed_installment ?? false,
      agencyStatus: a?.agency_status ?? 'none',
      agencySentOn: a?.agency_sent_on ?? null,
      shown: visible.map((b) => {
        const acc = access.get(b.patientId);
        return {
          patientId: b.patientId,
          balanceCents: b.patientCents,
          breakGlass: acc?.breakGlass ?? false,
          grantId: acc?.grantId ?? null,
        };
      }),
    });
  }
  return rows.sort((x, y) => (x.ownerId < y.ownerId ? -1 : 1));
}

function encodeCursor(patientId: string): string {
  return Buffer.from(patientId).toString('base64url');
}

function decodeCursor(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) throw invalid('cursor', 'not a cursor from this list');
  return id;
}
