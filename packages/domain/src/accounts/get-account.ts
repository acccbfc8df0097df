import { requirePatientAccess, requirePermission, todayAt } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { openBalances, patientBalances } from '../ledger/index.ts';
import { familyOf, guarantorsOf } from '../patients/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import type { Account } from './accounts.schemas.ts';

/**
 * A patient's account: what the patient owes (negative: a credit), what payers were billed and
 * have not settled, and the whole balance aged from each visit's first posting (0-30 ... 120+),
 * on the desk's calendar day. Sums of posted ledger lines, read with its audit row.
 */
export async function getAccount(ctx: Ctx, patientId: string): Promise<Account> {
  requirePermission(ctx, 'account:read');
  return inTransaction(ctx, async (tx) => {
    const access = await requirePatientAccess(tx, patientId, 'account:read');
    const asOf = await todayAt(tx, tx.locationId);
    const b = await patientBalances(tx, patientId, asOf);
    const guarantor = await familyBalance(tx, patientId, asOf);
    await recordAudit(tx, {
      action: 'read',
      resourceType: 'account',
      resourceId: patientId,
      access,
      details: { patientBalanceCents: b.patientCents, insuranceBalanceCents: b.insuranceCents },
    });
    return {
      patientId,
      patientBalanceCents: b.patientCents,
      insuranceBalanceCents: b.insuranceCents,
      totalBalanceCents: b.patientCents + b.insuranceCents,
      aging: b.aging,
      asOf,
      guarantor,
    };
  });
}

/** The patient's guarantor and what the family they answer for owes (set-based: one balance query for all members). */
async function familyBalance(tx: Ctx, patientId: string, asOf: string): Promise<Account['guarantor']> {
  const g = (await guarantorsOf(tx, [patientId])).get(patientId);
  if (!g) return null;
  const members = (await familyOf(tx, g.key))?.members ?? [];
  if (!members.some((m) => m.patientId === patientId)) members.push({ patientId, givenName: '', familyName: '', restricted: true });
  const { items } = await openBalances(tx, { today: asOf, patientIds: members.map((m) => m.patientId), limit: members.length });
  const byPatient = new Map(items.map((i) => [i.patientId, i]));
  const rows = members.map((m) => ({
    patientId: m.patientId,
    name: m.restricted && m.patientId !== patientId ? 'Restricted record' : `${m.givenName} ${m.familyName}`.trim(),
    patientBalanceCents: byPatient.get(m.patientId)?.patientCents ?? 0,
    insuranceBalanceCents: byPatient.get(m.patientId)?.insuranceCents ?? 0,
  }));
  return {
    key: g.key,
    name: `${g.givenName} ${g.familyName}`.trim(),
    guarantorPatientId: g.guarantorPatientId,
    familyPatientBalanceCents: rows.reduce((s, r) => s + r.patientBalanceCents, 0),
    familyInsuranceBalanceCents: rows.reduce((s, r) => s + r.insuranceBalanceCents, 0),
    members: rows,
  };
}
