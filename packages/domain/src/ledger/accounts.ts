import type { Ctx } from '../shared/context.ts';
import type { AccountKind } from './ledger.tables.ts';

/**
 * The standard chart of accounts every practice starts with. Postings name accounts by role
 * (`ACCOUNT.patientAr`), never by number, so a practice may later add its own accounts beside
 * these without changing what the system posts where.
 */
export const STANDARD_ACCOUNTS = [
  { key: 'cash_drawer', code: '1000', name: 'Cash drawer', kind: 'asset' },
  { key: 'undeposited_funds', code: '1010', name: 'Undeposited funds', kind: 'asset' },
  { key: 'bank', code: '1020', name: 'Bank', kind: 'asset' },
  { key: 'insurance_ar', code: '1100', name: 'Accounts receivable: insurance', kind: 'asset' },
  { key: 'patient_ar', code: '1110', name: 'Accounts receivable: patients', kind: 'asset' },
  { key: 'accounts_payable', code: '2000', name: 'Accounts payable', kind: 'liability' },
  { key: 'refunds_payable', code: '2100', name: 'Refunds payable', kind: 'liability' },
  { key: 'owner_equity', code: '3000', name: "Owner's equity", kind: 'equity' },
  { key: 'revenue', code: '4000', name: 'Patient service revenue', kind: 'revenue' },
  { key: 'provider_adjustments', code: '4800', name: 'Payer provider-level adjustments (interest, recoupments)', kind: 'revenue' },
  { key: 'contractual_adjustments', code: '4900', name: 'Contractual adjustments', kind: 'contra_revenue' },
  { key: 'other_adjustments', code: '4910', name: 'Other payer adjustments', kind: 'contra_revenue' },
  { key: 'write_offs', code: '4950', name: 'Write-offs', kind: 'contra_revenue' },
  { key: 'supplies', code: '5100', name: 'Medical and office supplies', kind: 'expense' },
  { key: 'rent', code: '5200', name: 'Rent and occupancy', kind: 'expense' },
  { key: 'utilities', code: '5300', name: 'Utilities and phone', kind: 'expense' },
  { key: 'payroll', code: '5400', name: 'Payroll', kind: 'expense' },
  { key: 'services', code: '5500', name: 'Professional services', kind: 'expense' },
  { key: 'other_expense', code: '5900', name: 'Other expenses', kind: 'expense' },
  { key: 'cash_over_short', code: '5950', name: 'Cash over and short', kind: 'expense' },
] as const satisfies readonly { key: string; code: string; name: string; kind: AccountKind }[];

export type AccountKey = (typeof STANDARD_ACCOUNTS)[number]['key'];

export const ACCOUNT_CODE: Readonly<Record<AccountKey, string>> = Object.fromEntries(
  STANDARD_ACCOUNTS.map((a) => [a.key, a.code]),
) as Record<AccountKey, string>;

const LAST = STANDARD_ACCOUNTS[STANDARD_ACCOUNTS.length - 1]?.code ?? '5900';

/**
 * Adds the standard accounts the organization lacks, in the caller's transaction: one key lookup
 * when they exist (no process-wide cache: a rolled-back first posting must not leave a process
 * believing they do); concurrent first postings are harmless (ON CONFLICT DO NOTHING).
 */
export async function ensureStandardAccounts(tx: Ctx): Promise<void> {
  const present = await tx.db
    .selectFrom('ledger_accounts')
    .select('code')
    .where('organization_id', '=', tx.organizationId)
    .where('code', '=', LAST)
    .executeTakeFirst();
  if (present) return;
  await tx.db
    .insertInto('ledger_accounts')
    .values(
      STANDARD_ACCOUNTS.map((a) => ({ organization_id: tx.organizationId, code: a.code, name: a.name, kind: a.kind, system_key: a.key })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}
