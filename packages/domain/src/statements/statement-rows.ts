/** Reading statements and runs back: rows to their public shape, the letterhead a run prints. */
import { locationLetterhead } from '../organizations/index.ts';
import type { Guarantor } from '../patients/index.ts';
import type { Ctx } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import type { StatementRun, StatementSnapshot, StatementSummary } from './statements.schemas.ts';
import type { StatementRunsTable, StatementsTable } from './statements.tables.ts';

type Row<T> = { [K in keyof T]: T[K] extends import('kysely').ColumnType<infer S, unknown, unknown> ? S : T[K] };

export const STATEMENT_COLUMNS = [
  'id',
  'run_id',
  'guarantor_key',
  'guarantor_name',
  'guarantor_patient_id',
  'patient_ids',
  'issued_on',
  'next_statement_on',
  'dunning_level',
  'amount_due_cents',
  'aging_0_30_cents',
  'aging_31_60_cents',
  'aging_61_90_cents',
  'aging_91_120_cents',
  'aging_120_plus_cents',
  'delivery',
] as const;

/** The number printed on a statement for its guarantor (stable across runs). */
export function accountNumber(guarantorKey: string): string {
  return guarantorKey.startsWith('person:')
    ? `P-${guarantorKey.slice(7, 15).toUpperCase()}`
    : `G-${guarantorKey.slice(0, 8).toUpperCase()}`;
}

export function publicStatement(r: Pick<Row<StatementsTable>, (typeof STATEMENT_COLUMNS)[number]>): StatementSummary {
  return {
    id: r.id,
    runId: r.run_id,
    guarantorKey: r.guarantor_key,
    guarantorName: r.guarantor_name,
    accountNumber: accountNumber(r.guarantor_key),
    patientIds: r.patient_ids,
    issuedOn: r.issued_on,
    nextStatementOn: r.next_statement_on,
    dunningLevel: r.dunning_level,
    amountDueCents: Number(r.amount_due_cents),
    aging: {
      '0-30': Number(r.aging_0_30_cents),
      '31-60': Number(r.aging_31_60_cents),
      '61-90': Number(r.aging_61_90_cents),
      '91-120': Number(r.aging_91_120_cents),
      '120+': Number(r.aging_120_plus_cents),
    },
    delivery: r.delivery,
  };
}

export function publicRun(r: Row<StatementRunsTable>): StatementRun {
  return {
    id: r.id,
    locationId: r.location_id,
    asOf: r.as_of,
    minBalanceCents: Number(r.min_balance_cents),
    status: r.status,
    statementCount: r.statement_count,
    emailedCount: r.emailed_count,
    printCount: r.statement_count - r.emailed_count,
    totalDueCents: Number(r.total_due_cents),
    createdAt: r.created_at.toISOString(),
  };
}

export function addressLines(a: Guarantor['address'] | undefined): string[] {
  if (!a) return [];
  return [a.line1, a.line2 ?? '', [[a.city, a.state].filter(Boolean).join(', '), a.postalCode].filter(Boolean).join(' ')].filter(
    (s) => s.trim() !== '',
  );
}

/** The location a run prints for (the one asked, else the desk's, else the practice's first active one) and its letterhead. */
export async function runLetterhead(
  ctx: Ctx,
  locationId: string | undefined,
): Promise<{ locationId: string; timeZone: string; practice: StatementSnapshot['practice'] }> {
  let id = locationId ?? ctx.locationId ?? null;
  if (!id) {
    const first = await ctx.db
      .selectFrom('location_directory')
      .select('id')
      .where('organization_id', '=', ctx.organizationId)
      .orderBy('active', 'desc')
      .orderBy('name')
      .limit(1)
      .executeTakeFirst();
    id = first?.id ?? null;
  }
  const found = id ? await locationLetterhead(ctx, id) : null;
  if (!found) throw invalid('locationId', 'not a location of this practice');
  const l = found.location;
  return {
    locationId: l.id,
    timeZone: l.timeZone,
    practice: {
      name: found.practice,
      locationName: l.name,
      addressLines: [
        l.addressLine1,
        l.addressLine2,
        [[l.city, l.state].filter(Boolean).join(', '), l.postalCode].filter(Boolean).join(' '),
      ].filter((s): s is string => Boolean(s?.trim())),
      phone: l.phone,
    },
  };
}
