import { patientAccessMany, requirePermission, todayAt } from '../access/index.ts';
import { recordAuditMany } from '../audit/index.ts';
import { openBalances } from '../ledger/index.ts';
import { familiesOf, guarantorsOf } from '../patients/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { keyPatientId } from './guarantor-access.ts';

/** At most this many accounts in one export (the agency's file is per batch; larger practices page by date). */
const MAX_ROWS = 2000;

const HEADER = [
  'guarantor_key',
  'guarantor_name',
  'address_line1',
  'address_line2',
  'city',
  'state',
  'postal_code',
  'phone',
  'balance_cents',
  'balance',
  'oldest_open_since',
  'sent_on',
];

/** A CSV cell: quoted when it holds a comma, quote or line break; a leading = + - @ is neutralised (spreadsheet formulas). */
export function csvCell(v: string | number | null): string {
  if (v === null) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const dollars = (cents: number) =>
  `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;

/**
 * The accounts sent to the agency (status `sent`), as CSV: guarantor name, address, phone, what
 * the guarantor's patients owe and the oldest open balance's first posting date (the oldest
 * date of service still owed). Integer cents and a decimal copy written from them. At most
 * 2,000 accounts; a row per guarantor whose record the caller may open; each patient exported is
 * audited.
 */
export async function exportAgencyAccounts(ctx: Ctx): Promise<{ csv: string; count: number }> {
  requirePermission(ctx, 'collections:read');
  return inTransaction(ctx, async (tx) => {
    const today = await todayAt(tx, tx.locationId);
    const accounts = await tx.db
      .selectFrom('collection_accounts')
      .select(['guarantor_key', 'agency_sent_on'])
      .where('organization_id', '=', tx.organizationId)
      .where('agency_status', '=', 'sent')
      .orderBy('guarantor_key')
      .limit(MAX_ROWS)
      .execute();
    const keys = accounts.map((a) => a.guarantor_key);
    const families = await familiesOf(tx, keys);
    const memberIds = [...new Set([...families.values()].flatMap((f) => f.members.map((m) => m.patientId)))];
    const holders = await guarantorsOf(tx, [...new Set(keys.map(keyPatientId))]);
    const names = keys.length
      ? await tx.db
          .selectFrom('patient_names')
          .select(['id', 'restricted'])
          .where('organization_id', '=', tx.organizationId)
          .where('id', 'in', [...new Set([...keys.map(keyPatientId), ...memberIds])])
          .execute()
      : [];
    const access = await patientAccessMany(
      tx,
      names.map((n) => ({ id: n.id, restricted: n.restricted })),
    );
    const balances = new Map<string, { patientCents: number; oldestSince: string }>();
    for (let i = 0; i < memberIds.length; i += 5000)
      for (const b of (await openBalances(tx, { today, patientIds: memberIds.slice(i, i + 5000), limit: 5000 })).items)
        balances.set(b.patientId, b);
    const lines = [HEADER.join(',')];
    const audits: Parameters<typeof recordAuditMany>[1][number][] = [];
    for (const a of accounts) {
      const holder = access.get(keyPatientId(a.guarantor_key));
      const family = families.get(a.guarantor_key);
      if (!holder || !family) continue;
      const ids = family.members.map((m) => m.patientId).filter((id) => access.get(id));
      // The guarantor's name and address as the record holding it says (guarantorsOf of any member is the same key).
      const g = [...ids, keyPatientId(a.guarantor_key)].map((id) => holders.get(id)).find((x) => x?.key === a.guarantor_key);
      const owed = ids.map((id) => balances.get(id)).filter((b) => b !== undefined);
      const balance = owed.reduce((s, b) => s + b.patientCents, 0);
      const oldest = owed.map((b) => b.oldestSince).sort()[0] ?? null;
      const addr = g?.address ?? null;
      lines.push(
        [
          a.guarantor_key,
          g ? `${g.givenName} ${g.familyName}`.trim() : '',
          addr?.line1 ?? null,
          addr?.line2 ?? null,
          addr?.city ?? null,
          addr?.state ?? null,
          addr?.postalCode ?? null,
          family.phone,
          balance,
          dollars(balance),
          oldest,
          a.agency_sent_on,
        ]
          .map(csvCell)
          .join(','),
      );
      for (const id of ids) {
        const acc = access.get(id);
        if (acc)
          audits.push({
            action: 'export',
            resourceType: 'collection_agency',
            resourceId: a.guarantor_key,
            access: acc,
            details: { guarantorKey: a.guarantor_key, balanceCents: balances.get(id)?.patientCents ?? 0 },
          });
      }
    }
    await recordAuditMany(tx, audits);
    return { csv: `${lines.join('\r\n')}\r\n`, count: lines.length - 1 };
  });
}
