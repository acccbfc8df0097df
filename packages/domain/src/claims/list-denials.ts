import { sql } from 'kysely';
import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { keyset } from '../shared/cursor.ts';
import { reasonTexts } from './reason-texts.ts';
import type { ClaimStatus } from './claim-states.ts';
import type { Denial, DenialQuery } from './remittance.schemas.ts';

const newestFirst = keyset('instant', 'uuid', 'int');

/**
 * The denial queue: every posted CAS adjustment that explains money not paid, other than the
 * patient's share (group PR), on a line paid nothing or a claim paid nothing, for claims still
 * `denied` or `partially_paid`. Newest first; filters by CARC, payer and age (days since posted).
 * Audited as a claims search (a row per patient on the page).
 */
export async function listDenials(ctx: Ctx, q: DenialQuery): Promise<{ items: Denial[]; nextCursor: string | null }> {
  requirePermission(ctx, 'claim:read');
  return inTransaction(ctx, async (tx) => {
    let query = tx.db
      .selectFrom('remittance_adjustments as a')
      .innerJoin('remittance_claims as rc', 'rc.id', 'a.remittance_claim_id')
      .innerJoin('remittance_payments as p', 'p.id', 'rc.payment_id')
      .innerJoin('claims as c', 'c.id', 'rc.claim_id')
      .innerJoin('claim_snapshots as s', 's.claim_id', 'c.id')
      .innerJoin('patient_names as pn', 'pn.id', 'c.patient_id')
      .leftJoin('remittance_lines as l', (j) =>
        j.onRef('l.remittance_claim_id', '=', 'a.remittance_claim_id').onRef('l.seq', '=', 'a.line_seq'),
      )
      .select([
        'a.remittance_claim_id',
        'a.seq',
        'a.group_code',
        'a.reason_code',
        'a.amount_cents',
        'rc.claim_id',
        'rc.posted_at',
        'rc.remark_codes as claim_remarks',
        'p.trace_number',
        'c.payer_id',
        'c.status',
        'c.patient_control_number',
        'c.patient_id',
        'c.date_of_service',
        sql<string>`s.snapshot->'payer'->>'name'`.as('payer_name'),
        'pn.given_name',
        'pn.family_name',
        'l.line_number',
        'l.procedure_code',
        'l.remark_codes as line_remarks',
      ])
      .where('a.organization_id', '=', tx.organizationId)
      .where('c.organization_id', '=', tx.organizationId)
      .where('a.group_code', '<>', 'PR')
      .where('rc.status_code', '<>', '22')
      .where('c.status', 'in', ['denied', 'partially_paid'])
      .where((eb) =>
        eb.or([
          eb.and([eb('a.line_seq', 'is not', null), eb('l.paid_cents', '=', 0)]),
          eb.and([eb('a.line_seq', 'is', null), eb('rc.paid_cents', '=', 0)]),
        ]),
      )
      .orderBy('rc.posted_at', 'desc')
      .orderBy('a.remittance_claim_id', 'desc')
      .orderBy('a.seq', 'desc')
      .limit(q.limit + 1);
    if (q.reasonCode) query = query.where('a.reason_code', '=', q.reasonCode);
    if (q.payerId) query = query.where('c.payer_id', '=', q.payerId);
    if (q.olderThanDays !== undefined)
      query = query.where('rc.posted_at', '<=', new Date(tx.clock.now().getTime() - q.olderThanDays * 86_400_000));
    const cursor = newestFirst.decode(q.cursor);
    if (cursor)
      query = query.where(sql<boolean>`(rc.posted_at, a.remittance_claim_id, a.seq) < (${cursor[0]}, ${cursor[1]}::uuid, ${cursor[2]})`);
    const { page, nextCursor } = newestFirst.page(await query.execute(), q.limit, (r) => [r.posted_at, r.remittance_claim_id, r.seq]);
    const perPatient = new Map<string, number>();
    for (const r of page) perPatient.set(r.patient_id, (perPatient.get(r.patient_id) ?? 0) + 1);
    if (perPatient.size === 0) await recordAudit(tx, { action: 'search', resourceType: 'claim', details: { count: 0 } });
    for (const [patientId, count] of perPatient)
      await recordAudit(tx, { action: 'search', resourceType: 'claim', access: { patientId, breakGlass: false }, details: { count } });
    const texts = await reasonTexts(tx, {
      CARC: page.map((r) => r.reason_code),
      RARC: page.flatMap((r) => [...(r.line_remarks ?? []), ...r.claim_remarks]),
    });
    const now = tx.clock.now().getTime();
    return {
      items: page.map((r) => ({
        claimId: r.claim_id,
        lineNumber: r.line_number,
        procedureCode: r.procedure_code,
        reasonCode: r.reason_code,
        group: r.group_code,
        amountCents: Number(r.amount_cents),
        reasonText: texts.text('CARC', r.reason_code),
        remarkCodes: [...(r.line_remarks ?? []), ...r.claim_remarks],
        remarks: [...(r.line_remarks ?? []), ...r.claim_remarks].map((code) => ({ code, text: texts.text('RARC', code) })),
        payerId: r.payer_id,
        payerName: r.payer_name,
        patientControlNumber: r.patient_control_number,
        patientName: `${r.given_name} ${r.family_name}`,
        claimStatus: r.status as ClaimStatus,
        dateOfService: r.date_of_service,
        deniedOn: r.posted_at.toISOString().slice(0, 10),
        ageDays: Math.floor((now - r.posted_at.getTime()) / 86_400_000),
        traceNumber: r.trace_number,
      })),
      nextCursor,
    };
  });
}
