/**
 * `clinicdesk import patients <file.csv>`: streams the CSV, maps its columns onto
 * the patient fields (header auto-mapping, or --map), and sends batches of ~1000
 * rows to importPatientBatch (one transaction and one audit row per batch).
 * Bad rows go to <file>.errors.csv; re-runs skip rows whose external id exists.
 */
import fs from 'node:fs';
import { IMPORT_FIELDS, type ImportField, type ImportRow, type ImportRowError, importPatientBatch } from '@domain/patients/index.ts';
import { type Clock, systemClock } from '@domain/shared/clock.ts';
import { type Db, systemCtx } from '@domain/shared/context.ts';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { parse } from 'csv-parse';
import { withDatabase } from '../database.ts';

/** Header spellings recognised without --map (compared lowercased, letters and digits only). */
const ALIASES: Record<ImportField, string[]> = {
  externalId: ['externalid', 'id', 'patientid', 'chartnumber', 'accountnumber', 'legacyid', 'mrn'],
  givenName: ['givenname', 'firstname', 'first', 'given', 'fname'],
  middleName: ['middlename', 'middle', 'mi', 'middleinitial'],
  familyName: ['familyname', 'lastname', 'last', 'surname', 'lname'],
  suffix: ['suffix'],
  preferredName: ['preferredname', 'nickname'],
  birthDate: ['birthdate', 'dob', 'dateofbirth', 'birthday'],
  sex: ['sex', 'sexassignedatbirth', 'gender'],
  genderIdentity: ['genderidentity'],
  pronouns: ['pronouns'],
  preferredLanguage: ['preferredlanguage', 'language'],
  phone: ['phone', 'phonenumber', 'telephone'],
  mobilePhone: ['mobilephone', 'mobile', 'cell', 'cellphone'],
  homePhone: ['homephone'],
  workPhone: ['workphone'],
  email: ['email', 'emailaddress'],
  addressLine1: ['addressline1', 'address', 'address1', 'street', 'line1'],
  addressLine2: ['addressline2', 'address2', 'line2', 'apt'],
  city: ['city', 'town'],
  state: ['state', 'st'],
  postalCode: ['postalcode', 'zip', 'zipcode', 'postcode'],
};

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** field -> CSV header, from --map "givenName=First,familyName=Last" and the header aliases. */
export function resolveMapping(
  headers: string[],
  explicit: Record<string, string> = {},
): { mapping: Partial<Record<ImportField, string>>; unused: string[] } {
  const mapping: Partial<Record<ImportField, string>> = {};
  for (const [field, header] of Object.entries(explicit)) {
    if (!(IMPORT_FIELDS as readonly string[]).includes(field))
      throw new Error(`--map: unknown field ${field}; fields are ${IMPORT_FIELDS.join(', ')}`);
    if (!headers.includes(header)) throw new Error(`--map: the file has no column "${header}"`);
    mapping[field as ImportField] = header;
  }
  const taken = new Set(Object.values(mapping));
  for (const field of IMPORT_FIELDS) {
    if (mapping[field]) continue;
    const header = headers.find((h) => !taken.has(h) && ALIASES[field].includes(squash(h)));
    if (header) {
      mapping[field] = header;
      taken.add(header);
    }
  }
  return { mapping, unused: headers.filter((h) => !taken.has(h)) };
}

export function parseMapOption(v: string | undefined): Record<string, string> {
  if (!v) return {};
  return Object.fromEntries(
    v.split(',').map((pair) => {
      const [field, header] = pair.split('=').map((s) => s.trim());
      if (!field || !header) throw new Error(`--map: "${pair}" is not field=Column`);
      return [field, header];
    }),
  );
}

export interface ImportFileResult {
  rows: number;
  created: number;
  existing: number;
  errors: number;
  errorFile: string | null;
  mapping: Partial<Record<ImportField, string>>;
  unused: string[];
}

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

async function countRows(file: string): Promise<number> {
  let n = 0;
  for await (const chunk of fs.createReadStream(file)) for (const b of chunk as Buffer) if (b === 10) n++;
  return Math.max(0, n - 1);
}

/** Import a CSV file of patients into one organization. Used by the command and by tests. */
export async function importPatientsFile(
  db: Db,
  opts: {
    file: string;
    organizationId: string;
    map?: Record<string, string>;
    dryRun?: boolean;
    batchSize?: number;
    clock?: Clock;
    onProgress?: (done: number) => void;
  },
): Promise<ImportFileResult> {
  const ctx = systemCtx(db, opts.clock ?? systemClock, opts.organizationId, 'cli:import-patients', `import-${Date.now()}`, {
    userAgent: 'clinicdesk-cli',
  });
  const batchSize = opts.batchSize ?? 1000;
  const parser = fs
    .createReadStream(opts.file)
    .pipe(parse({ columns: true, skip_empty_lines: true, trim: true, bom: true, relax_column_count: true, info: true }));
  let mapping: Partial<Record<ImportField, string>> | undefined;
  let unused: string[] = [];
  const errors: ImportRowError[] = [];
  let batch: ImportRow[] = [];
  let rows = 0;
  let created = 0;
  let existing = 0;
  const flush = async () => {
    if (!batch.length) return;
    const r = await importPatientBatch(ctx, batch, { dryRun: opts.dryRun, source: opts.file.split('/').pop() });
    created += r.created;
    existing += r.existing;
    errors.push(...r.errors);
    rows += batch.length;
    opts.onProgress?.(rows);
    batch = [];
  };
  for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    if (!mapping) {
      ({ mapping, unused } = resolveMapping(Object.keys(record), opts.map));
      if (!mapping.givenName || !mapping.familyName || !mapping.birthDate) {
        throw new Error('the file needs columns for givenName, familyName and birthDate (use --map field=Column)');
      }
    }
    const fields: ImportRow['fields'] = {};
    for (const [field, header] of Object.entries(mapping)) fields[field as ImportField] = record[header as string];
    batch.push({ line: info.lines, fields });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  const errorFile = `${opts.file}.errors.csv`;
  if (errors.length) {
    const lines = [
      'line,externalId,field,message',
      ...errors.map((e) => [e.line, e.externalId, e.field, e.message].map(csvCell).join(',')),
    ];
    fs.writeFileSync(errorFile, `${lines.join('\n')}\n`);
  } else {
    fs.rmSync(errorFile, { force: true });
  }
  return { rows, created, existing, errors: errors.length, errorFile: errors.length ? errorFile : null, mapping: mapping ?? {}, unused };
}

export function registerImport(program: Command): void {
  const cmd = program.command('import').description('Import data from other systems');
  cmd
    .command('patients <file>')
    .description('Import patients from a CSV file (header row required). Re-runs skip rows whose external id already exists.')
    .option(
      '--map <pairs>',
      `field=Column pairs, comma-separated (fields: ${IMPORT_FIELDS.join(', ')}); unmapped fields are matched by header name`,
    )
    .option('--dry-run', 'validate and count, write nothing')
    .option('--organization <id>', 'organization id (default: the first one)')
    .option('--batch-size <n>', 'rows per transaction', '1000')
    .action(async (file: string, opts: { map?: string; dryRun?: boolean; organization?: string; batchSize: string }) => {
      if (!fs.existsSync(file)) throw new Error(`no such file: ${file}`);
      const map = parseMapOption(opts.map);
      await withDatabase(async ({ db }) => {
        const org = opts.organization
          ? await db.selectFrom('organizations').select('id').where('id', '=', opts.organization).executeTakeFirst()
          : await db.selectFrom('organizations').select('id').orderBy('created_at').limit(1).executeTakeFirst();
        if (!org) throw new Error('no organization: start ClinicDesk once (or run `clinicdesk seed demo`) first');
        const total = await countRows(file);
        const bar = new cliProgress.SingleBar(
          { format: 'importing [{bar}] {value}/{total} rows  {eta_formatted} left', hideCursor: true },
          cliProgress.Presets.shades_classic,
        );
        if (process.stderr.isTTY) bar.start(total, 0);
        const started = Date.now();
        const result = await importPatientsFile(db, {
          file,
          organizationId: org.id,
          map,
          dryRun: opts.dryRun,
          batchSize: Number(opts.batchSize),
          onProgress: (n) => bar.update(n),
        }).finally(() => bar.stop());
        const secs = ((Date.now() - started) / 1000).toFixed(1);
        console.log(
          `columns: ${Object.entries(result.mapping)
            .map(([f, h]) => `${f}=${h}`)
            .join(', ')}`,
        );
        if (result.unused.length) console.log(`ignored columns: ${result.unused.join(', ')}`);
        console.log(
          `${opts.dryRun ? '[dry run] would create' : 'created'} ${result.created}, already present ${result.existing}, rejected ${result.errors} of ${result.rows} rows in ${secs}s`,
        );
        if (result.errorFile) console.log(`rejected rows are listed in ${result.errorFile}`);
      });
    });
}
