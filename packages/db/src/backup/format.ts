/**
 * The backup file: gzip'd JSON lines.
 *
 *   {"kind":"header", format, formatVersion, clinicdeskVersion, createdAt, serverVersion, migrations}
 *   {"kind":"rows", table, chunk, rows, sha256, data}      (repeated, tables in foreign-key order)
 *   {"kind":"manifest", ...header, tables: [{ name, columns, rows, chunks: [sha256…] }], sequences}
 *
 * `data` is a JSON array of rows exactly as PostgreSQL's row_to_json wrote them,
 * carried as one string and never parsed by JavaScript: int8, numeric, timestamps
 * (microseconds), bytea (hex) and jsonb stay in PostgreSQL's own text form, and
 * the restore feeds them back through json_populate_recordset, i.e. the types'
 * own input functions. `sha256` is over that string (UTF-8). gzip's CRC covers
 * the whole file; the manifest lists every chunk's hash, so a truncated,
 * reordered or edited file is refused before anything is written.
 */
import { createHash } from 'node:crypto';

export const BACKUP_FORMAT = 'clinicdesk-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupHeader {
  kind: 'header';
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  clinicdeskVersion: string;
  createdAt: string;
  serverVersion: string;
  /** schema_migrations at backup time, in order. */
  migrations: string[];
}

export interface RowsLine {
  kind: 'rows';
  table: string;
  chunk: number;
  rows: number;
  sha256: string;
  data: string;
}

export interface TableManifest {
  name: string;
  columns: string[];
  rows: number;
  /** sha256 of each chunk's data, in order. */
  chunks: string[];
}

export interface SequenceState {
  name: string;
  /** Text, not number: a bigint sequence may pass 2^53. */
  lastValue: string;
  isCalled: boolean;
}

export interface BackupManifest extends Omit<BackupHeader, 'kind'> {
  kind: 'manifest';
  tables: TableManifest[];
  sequences: SequenceState[];
}

/** The backup file is damaged, incomplete or not a ClinicDesk backup. Nothing was written. */
export class BackupFileError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`backup file ${file} is not usable: ${reason}`);
  }
}

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
