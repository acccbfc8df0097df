import { sql } from 'kysely';
import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { inTransaction, type Ctx } from '../shared/context.ts';
import { todayOf } from './check-patient-rules.ts';
import { parseLooseDate } from './loose-date.ts';
import { toPatientColumns } from './patient-row.ts';
import { patientInputSchema } from './patients.schemas.ts';

/** Flat fields an import row may carry (the CLI maps CSV columns onto these). */
export const IMPORT_FIELDS = [
  'externalId',
  'givenName',
  'middleName',
  'familyName',
  'suffix',
  'preferredName',
  'birthDate',
  'sex',
  'genderIdentity',
  'pronouns',
  'preferredLanguage',
  'phone',
  'mobilePhone',
  'homePhone',
  'workPhone',
  'email',
  'addressLine1',
  'addressLine2',
  'city',
  'state',
  'postalCode',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export interface ImportRow {
  /** Line number in the source file, for the error report. */
  line: number;
  fields: Partial<Record<ImportField, string>>;
}

export interface ImportRowError {
  line: number;
  externalId: string | null;
  field: string;
  message: string;
}

export interface ImportBatchResult {
  created: number;
  /** Rows whose external id is already registered: a re-run skips them. */
  existing: number;
  errors: ImportRowError[];
}

const SEX: Record<string, 'female' | 'male' | 'unknown'> = {
  f: 'female',
  female: 'female',
  m: 'male',
  male: 'male',
  u: 'unknown',
  unknown: 'unknown',
};

function toInput(f: ImportRow['fields'], today: Date): { input?: unknown; error?: { field: string; message: string } } {
  const v = (k: ImportField) => {
    const s = f[k]?.trim();
    return s ? s : undefined;
  };
  let birthDate = v('birthDate');
  if (birthDate) birthDate = parseLooseDate(birthDate, today) ?? birthDate;
  const sexRaw = v('sex')?.toLowerCase();
  if (sexRaw && !SEX[sexRaw]) return { error: { field: 'sex', message: 'use F, M or U' } };
  const phones = (
    [
      ['phone', 'mobile'],
      ['mobilePhone', 'mobile'],
      ['homePhone', 'home'],
      ['workPhone', 'work'],
    ] as const
  )
    .filter(([k]) => v(k))
    .map(([k, type]) => ({ type, number: v(k) as string }));
  const hasAddress = ['addressLine1', 'city', 'state', 'postalCode'].some((k) => v(k as ImportField));
  return {
    input: {
      givenName: v('givenName'),
      middleName: v('middleName'),
      familyName: v('familyName'),
      suffix: v('suffix'),
      preferredName: v('preferredName'),
      birthDate,
      sex: sexRaw ? SEX[sexRaw] : undefined,
      genderIdentity: v('genderIdentity'),
      pronouns: v('pronouns'),
      preferredLanguage: v('preferredLanguage'),
      phones,
      email: v('email'),
      address: hasAddress
        ? {
            line1: v('addressLine1'),
            line2: v('addressLine2'),
            city: v('city'),
            state: v('state')?.toUpperCase(),
            postalCode: v('postalCode'),
          }
        : undefined,
    },
  };
}

/**
 * Import one batch of rows (the CLI sends ~1000 at a time) in one transaction:
 * each row is validated with the same rules as the API, rows whose external id
 * already exists are skipped (so re-runs are idempotent), the rest go in with
 * one INSERT. One audit row per batch lists the created patients. `dryRun`
 * validates and counts, writing nothing.
 */
export async function importPatientBatch(
  ctx: Ctx,
  rows: ImportRow[],
  opts: { dryRun?: boolean; source?: string } = {},
): Promise<ImportBatchResult> {
  requirePermission(ctx, 'patient:write');
  const today = ctx.clock.now();
  const todayDay = todayOf(ctx);
  const errors: ImportRowError[] = [];
  const valid: { line: number; externalId: string; columns: Record<string, unknown> }[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const externalId = row.fields.externalId?.trim() || null;
    const fail = (field: string, message: string) => errors.push({ line: row.line, externalId, field, message });
    if (!externalId) {
      fail('externalId', 'required: re-runs are keyed on it');
      continue;
    }
    if (seen.has(externalId)) {
      fail('externalId', 'appears twice in this file');
      continue;
    }
    seen.add(externalId);
    const mapped = toInput(row.fields, today);
    if (mapped.error) {
      fail(mapped.error.field, mapped.error.message);
      continue;
    }
    const parsed = patientInputSchema.safeParse(mapped.input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') ?? '';
      fail(
        field
          .replace(/^phones\.\d+\.number$/, 'phone')
          .replace(/^address\.line1$/, 'addressLine1')
          .replace(/^address\./, ''),
        issue?.message ?? 'invalid',
      );
      continue;
    }
    if (parsed.data.birthDate > todayDay) {
      fail('birthDate', 'birth date is in the future');
      continue;
    }
    const { confirmNotDuplicate: _c, ...data } = parsed.data;
    valid.push({ line: row.line, externalId, columns: toPatientColumns(data) });
  }
  if (!valid.length) return { created: 0, existing: 0, errors };
  return inTransaction(ctx, async (tx) => {
    const known = await tx.db
      .selectFrom('patients')
      .select('external_id')
      .where('organization_id', '=', tx.organizationId)
      .where(
        'external_id',
        'in',
        valid.map((r) => r.externalId),
      )
      .execute();
    const existingIds = new Set(known.map((k) => k.external_id));
    const fresh = valid.filter((r) => !existingIds.has(r.externalId));
    if (opts.dryRun || !fresh.length) return { created: opts.dryRun ? fresh.length : 0, existing: existingIds.size, errors };
    const inserted = await tx.db
      .insertInto('patients')
      .values(
        fresh.map((r) => ({
          ...(r.columns as { given_name: string; family_name: string; birth_date: string }),
          organization_id: tx.organizationId,
          mrn: sql<string>`nextval('patient_mrn_seq')::text`,
          external_id: r.externalId,
        })),
      )
      // A concurrent import of the same file: the other one created it, count it as existing.
      .onConflict((oc) => oc.columns(['organization_id', 'external_id']).doNothing())
      .returning(['id', 'external_id'])
      .execute();
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'patient',
      details: { import: true, source: opts.source ?? null, count: inserted.length, patientIds: inserted.map((r) => r.id) },
    });
    return { created: inserted.length, existing: existingIds.size + (fresh.length - inserted.length), errors };
  });
}
