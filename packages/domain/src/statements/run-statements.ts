import { sql } from 'kysely';
import { requirePermission } from '../access/index.ts';
import { recordAudit, recordAuditMany } from '../audit/index.ts';
import { chargesByIds } from '../billing/index.ts';
import { practiceSendsTexts, queueMessage } from '../comms/index.ts';
import { enqueueJob } from '../jobs/index.ts';
import { openBalances, patientPaymentsSince, statementActivity } from '../ledger/index.ts';
import { providersByIds } from '../organizations/index.ts';
import { type Guarantor, guarantorsOf } from '../patients/index.ts';
import { addDays, localDateOf } from '../scheduling/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { emit } from '../shared/events.ts';
import { type DunningLevel, statementIssued } from './statement-issued.ts';
import { accountNumber, addressLines, publicRun, runLetterhead } from './statement-rows.ts';
import type { StatementRun, StatementRunInput, StatementSnapshot } from './statements.schemas.ts';
import { SEND_STATEMENT_NOTICE_QUEUE } from './statements-queues.ts';

/** Patients read from the ledger per page while the run collects balances. */
const BALANCE_PAGE = 2000;
/** Guarantors issued per page (their visits, statements, notices and audit rows in a few statements). */
const GUARANTOR_PAGE = 500;
/** Days until a guarantor's next statement (and the date the amount is due by). */
export const STATEMENT_CYCLE_DAYS = 30;
const RUN_LOCK = 720_452_001;

const NEXT_LEVEL: Record<DunningLevel, DunningLevel> = { first: 'second', second: 'final', final: 'final' };

interface Candidate {
  guarantor_key: string;
  patient_ids: string[];
  due: string;
  a0: string;
  a31: string;
  a61: string;
  a91: string;
  a120: string;
  guarantor: Guarantor;
  prev_issued_on: string | null;
  prev_next_on: string | null;
  prev_level: DunningLevel | null;
  prev_due: string | null;
  prev_patient_ids: string[] | null;
}

/**
 * The dunning level of a guarantor's new statement: a first notice when there was none before
 * or the last one's amount has been paid since; the same level after a partial payment; one
 * level up (second, then final) when nothing was paid since the last statement.
 */
export function dunningLevel(prev: { level: DunningLevel; dueCents: number } | null, paidSinceCents: number): DunningLevel {
  if (!prev) return 'first';
  if (paidSinceCents >= prev.dueCents) return 'first';
  if (paidSinceCents > 0) return prev.level;
  return NEXT_LEVEL[prev.level];
}

const cents = (n: number) => `$${(n / 100).toFixed(2)}`;

/**
 * A statement run: every guarantor whose family's patient balance (the patients they answer
 * for, patients' guarantorsOf, summed from the ledger's openBalances) is at least the threshold
 * gets one statement, unless their last statement's next statement date is still ahead. Set-
 * based and paged: balances go to working rows a page at a time, are summed per guarantor in
 * SQL, and guarantors are issued a page at a time (visits from the ledger, one bulk insert,
 * the notices of those who agreed to email, `statement.issued` per statement, a disclosure
 * audit row per patient). One transaction, one run at a time per practice; a second run the
 * same day issues nothing new (and the database refuses two statements to one guarantor on
 * one day).
 */
export async function runStatements(ctx: Ctx, input: StatementRunInput): Promise<StatementRun> {
  requirePermission(ctx, 'statement:run');
  return inTransaction(ctx, async (tx) => {
    await sql`select pg_advisory_xact_lock(${RUN_LOCK}, hashtext(${tx.organizationId}))`.execute(tx.db);
    const place = await runLetterhead(tx, input.locationId);
    const asOf = localDateOf(tx.clock.now().getTime(), place.timeZone);
    const nextOn = addDays(asOf, STATEMENT_CYCLE_DAYS);
    const run = await tx.db
      .insertInto('statement_runs')
      .values({
        organization_id: tx.organizationId,
        location_id: place.locationId,
        as_of: asOf,
        min_balance_cents: input.minBalanceCents,
        created_by: actorUserId(tx),
        created_at: tx.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    // 1. Each patient's balance under its guarantor, a page of patients at a time.
    let after: string | undefined;
    for (;;) {
      const page = await openBalances(tx, { today: asOf, limit: BALANCE_PAGE, ...(after ? { afterPatientId: after } : {}) });
      const owing = page.items.filter((b) => b.patientCents !== 0);
      const guarantors = await guarantorsOf(
        tx,
        owing.map((b) => b.patientId),
      );
      const rows = owing.flatMap((b) => {
        const g = guarantors.get(b.patientId);
        if (!g) return [];
        return [
          {
            organization_id: tx.organizationId,
            run_id: run.id,
            guarantor_key: g.key,
            patient_id: b.patientId,
            patient_cents: b.patientCents,
            aging_0_30_cents: b.patientAging['0-30'],
            aging_31_60_cents: b.patientAging['31-60'],
            aging_61_90_cents: b.patientAging['61-90'],
            aging_91_120_cents: b.patientAging['91-120'],
            aging_120_plus_cents: b.patientAging['120+'],
            guarantor: JSON.stringify(g),
          },
        ];
      });
      if (rows.length) await tx.db.insertInto('statement_run_patients').values(rows).execute();
      if (!page.nextPatientId) break;
      after = page.nextPatientId;
    }

    // 2. Guarantors at or above the threshold, a page at a time, with their last statement.
    let count = 0;
    let emailed = 0;
    let total = 0;
    let afterKey = '';
    for (;;) {
      const found = await sql<Candidate>`
        select c.*, p.issued_on::text as prev_issued_on, p.next_statement_on::text as prev_next_on,
               p.dunning_level as prev_level, p.amount_due_cents as prev_due, p.patient_ids as prev_patient_ids
          from (select guarantor_key, array_agg(patient_id order by patient_id) as patient_ids,
                       sum(patient_cents) as due, sum(aging_0_30_cents) as a0, sum(aging_31_60_cents) as a31,
                       sum(aging_61_90_cents) as a61, sum(aging_91_120_cents) as a91, sum(aging_120_plus_cents) as a120,
                       (array_agg(guarantor order by patient_id))[1] as guarantor
                  from statement_run_patients
                 where organization_id = ${tx.organizationId} and run_id = ${run.id} and guarantor_key > ${afterKey}
                 group by guarantor_key
                having sum(patient_cents) >= ${Math.max(1, input.minBalanceCents)}
                 order by guarantor_key
                 limit ${GUARANTOR_PAGE}) c
          left join lateral (
                select s.issued_on, s.next_statement_on, s.dunning_level, s.amount_due_cents, s.patient_ids
                  from statements s
                 where s.organization_id = ${tx.organizationId} and s.guarantor_key = c.guarantor_key
                 order by s.issued_on desc, s.created_at desc
                 limit 1) p on true
         order by c.guarantor_key`.execute(tx.db);
      const candidates = found.rows;
      if (candidates.length === 0) break;
      afterKey = candidates[candidates.length - 1]?.guarantor_key ?? afterKey;
      const due = candidates.filter((c) => !c.prev_next_on || c.prev_next_on <= asOf);
      if (due.length) {
        const issued = await issuePage(tx, run.id, asOf, nextOn, place.practice, due);
        count += issued.count;
        emailed += issued.emailed;
        total += issued.totalCents;
      }
      if (candidates.length < GUARANTOR_PAGE) break;
    }

    await tx.db
      .deleteFrom('statement_run_patients')
      .where('organization_id', '=', tx.organizationId)
      .where('run_id', '=', run.id)
      .execute();
    const saved = await tx.db
      .updateTable('statement_runs')
      .set({ statement_count: count, emailed_count: emailed, total_due_cents: total })
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', run.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'statement_run',
      resourceId: run.id,
      details: { minBalanceCents: input.minBalanceCents, statementCount: count, asOf },
    });
    return publicRun(saved);
  });
}

async function issuePage(
  tx: Ctx,
  runId: string,
  asOf: string,
  nextOn: string,
  practice: StatementSnapshot['practice'],
  due: Candidate[],
): Promise<{ count: number; emailed: number; totalCents: number }> {
  // Payments since each guarantor's last statement (for the dunning level).
  const since = due.flatMap((c) =>
    c.prev_issued_on
      ? [...new Set([...(c.prev_patient_ids ?? []), ...c.patient_ids])].map((patientId) => ({
          patientId,
          since: c.prev_issued_on as string,
        }))
      : [],
  );
  const paid = await patientPaymentsSince(tx, since);
  const patientIds = [...new Set(due.flatMap((c) => c.patient_ids))];
  const [visits, names] = await Promise.all([
    statementActivity(tx, patientIds),
    tx.db
      .selectFrom('patient_names')
      .select(['id', 'given_name', 'family_name'])
      .where('organization_id', '=', tx.organizationId)
      .where('id', 'in', patientIds)
      .execute(),
  ]);
  const nameOf = new Map(names.map((n) => [n.id, `${n.given_name} ${n.family_name}`.trim()]));
  const charges = new Map((await chargesByIds(tx, [...new Set(visits.flatMap((v) => v.chargeIds))])).map((c) => [c.id, c]));
  const providers = new Map(
    (await providersByIds(tx, [...new Set([...charges.values()].map((c) => c.providerId))])).map((p) => [
      p.id,
      `${p.givenName} ${p.familyName}${p.credentials ? `, ${p.credentials}` : ''}`,
    ]),
  );
  const visitsOf = new Map<string, typeof visits>();
  for (const v of visits) visitsOf.set(v.patientId, [...(visitsOf.get(v.patientId) ?? []), v]);

  // Guarantors without an email we may use who agreed to texts and have a mobile (when the practice sends texts).
  const noEmail = [
    ...new Set(
      due.flatMap((c) =>
        c.guarantor.guarantorPatientId && !(c.guarantor.email && c.guarantor.consentEmail) ? [c.guarantor.guarantorPatientId] : [],
      ),
    ),
  ];
  const textable = new Set(
    noEmail.length && (await practiceSendsTexts(tx.db, tx.organizationId))
      ? (
          await tx.db
            .selectFrom('patients_reachable_by_text')
            .select('id')
            .where('organization_id', '=', tx.organizationId)
            .where('id', 'in', noEmail)
            .execute()
        ).map((r) => r.id)
      : [],
  );

  const now = tx.clock.now();
  const prepared = [];
  for (const c of due) {
    const g = c.guarantor;
    const amountDueCents = Number(c.due);
    const paidSince = c.prev_issued_on
      ? [...new Set([...(c.prev_patient_ids ?? []), ...c.patient_ids])].reduce((s, id) => s + (paid.get(id) ?? 0), 0)
      : 0;
    const level = dunningLevel(c.prev_level ? { level: c.prev_level, dueCents: Number(c.prev_due) } : null, paidSince);
    const name = `${g.givenName} ${g.familyName}`.trim() || 'Guarantor';
    const snapshot: StatementSnapshot = {
      practice,
      guarantor: { name, addressLines: addressLines(g.address), accountNumber: accountNumber(c.guarantor_key) },
      issuedOn: asOf,
      dueOn: nextOn,
      dunningLevel: level,
      patients: c.patient_ids.map((id) => ({ id, name: nameOf.get(id) ?? '' })),
      visits: c.patient_ids.flatMap((id) =>
        (visitsOf.get(id) ?? []).map((v) => {
          const mine = v.chargeIds
            .map((cid) => charges.get(cid))
            .filter((x) => x !== undefined)
            .sort((a, b) => a.line - b.line);
          const first = mine[0];
          return {
            patientName: nameOf.get(id) ?? '',
            date: first?.dateOfService ?? v.since,
            provider: first ? (providers.get(first.providerId) ?? '') : '',
            description: v.encounterId ? mine.map((x) => x.procedureCode).join(', ') || 'Visit' : 'On account',
            billedCents: v.billedCents,
            insurancePaidCents: v.insurancePaidCents,
            adjustmentCents: v.adjustmentCents,
            patientPaidCents: v.patientPaidCents,
            insurancePendingCents: v.insurancePendingCents,
            patientDueCents: v.patientDueCents,
          };
        }),
      ),
      aging: { '0-30': Number(c.a0), '31-60': Number(c.a31), '61-90': Number(c.a61), '91-120': Number(c.a91), '120+': Number(c.a120) },
      amountDueCents,
    };
    const byEmail = Boolean(g.guarantorPatientId && g.email && g.consentEmail);
    // No email we may use: a guarantor who agreed to texts gets the notice by text (the job's textInstead).
    const byText = !byEmail && Boolean(g.guarantorPatientId && textable.has(g.guarantorPatientId));
    const messageId =
      (byEmail || byText) && g.guarantorPatientId
        ? await queueMessage(tx.db, {
            organizationId: tx.organizationId,
            patientId: g.guarantorPatientId,
            kind: 'statement',
            channel: 'email',
            createdAt: now,
          })
        : null;
    prepared.push({ c, g, name, level, snapshot, amountDueCents, messageId });
  }
  const inserted = await tx.db
    .insertInto('statements')
    .values(
      prepared.map((p) => ({
        organization_id: tx.organizationId,
        run_id: runId,
        guarantor_key: p.c.guarantor_key,
        guarantor_patient_id: p.g.guarantorPatientId,
        guarantor_name: p.name.slice(0, 400),
        patient_ids: p.c.patient_ids,
        issued_on: asOf,
        next_statement_on: nextOn,
        dunning_level: p.level,
        amount_due_cents: p.amountDueCents,
        aging_0_30_cents: p.snapshot.aging['0-30'],
        aging_31_60_cents: p.snapshot.aging['31-60'],
        aging_61_90_cents: p.snapshot.aging['61-90'],
        aging_91_120_cents: p.snapshot.aging['91-120'],
        aging_120_plus_cents: p.snapshot.aging['120+'],
        delivery: p.messageId ? ('email' as const) : ('print' as const),
        message_id: p.messageId,
        snapshot: JSON.stringify(p.snapshot),
        created_at: now,
      })),
    )
    .returning(['id', 'guarantor_key'])
    .execute();
  const idOf = new Map(inserted.map((r) => [r.guarantor_key, r.id]));
  const audits = [];
  let emailed = 0;
  let totalCents = 0;
  for (const p of prepared) {
    const statementId = idOf.get(p.c.guarantor_key) as string;
    totalCents += p.amountDueCents;
    if (p.messageId) {
      emailed++;
      await enqueueJob(
        tx.db,
        SEND_STATEMENT_NOTICE_QUEUE,
        { organizationId: tx.organizationId, statementId },
        { dedupeKey: `statement-notice:${statementId}`, runAt: now },
      );
    }
    await emit(tx, statementIssued, {
      statementId,
      runId,
      guarantorKey: p.c.guarantor_key,
      patientIds: p.c.patient_ids,
      issuedOn: asOf,
      dunningLevel: p.level,
      amountDueCents: p.amountDueCents,
    });
    for (const patientId of p.c.patient_ids)
      audits.push({
        action: 'disclose' as const,
        resourceType: 'statement',
        resourceId: statementId,
        access: { patientId, breakGlass: false },
        details: {
          recipient: {
            kind: p.g.guarantorPatientId === patientId ? ('patient' as const) : ('personal_representative' as const),
            name: p.name.slice(0, 200),
            identifier: p.snapshot.guarantor.accountNumber,
            address: (p.messageId ? 'by email' : p.snapshot.guarantor.addressLines.join(', ') || null)?.slice(0, 500) ?? null,
          },
          purpose: 'payment' as const,
          statement: `statement of account of ${asOf} (${p.level} notice), amount due ${cents(p.amountDueCents)}`,
          disclosed: 'names, visit dates, services, providers, charges, payments and balances',
          channel: p.messageId ? ('email' as const) : ('mail' as const),
        },
      });
  }
  await recordAuditMany(tx, audits);
  return { count: inserted.length, emailed, totalCents };
}
