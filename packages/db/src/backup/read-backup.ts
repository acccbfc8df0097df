/** Reading a backup file: a full verification pass first, then the rows for loading. */
import fs from 'node:fs';
import readline from 'node:readline';
import { createGunzip } from 'node:zlib';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupHeader,
  type BackupManifest,
  BackupFileError,
  type RowsLine,
  sha256,
} from './format.ts';

type Line = BackupHeader | RowsLine | BackupManifest;

async function* lines(file: string): AsyncGenerator<Line> {
  if (!fs.existsSync(file)) throw new BackupFileError(file, 'no such file');
  const input = fs.createReadStream(file).pipe(createGunzip());
  const reader = readline.createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  try {
    for await (const text of reader) {
      n++;
      if (!text) continue;
      let parsed: Line;
      try {
        parsed = JSON.parse(text) as Line;
      } catch {
        throw new BackupFileError(file, `line ${n} is not valid JSON (the file is damaged)`);
      }
      yield parsed;
    }
  } catch (e) {
    if (e instanceof BackupFileError) throw e;
    // zlib: bad header, bad CRC, truncated stream.
    throw new BackupFileError(file, `it is damaged or not a gzip'd ClinicDesk backup (${(e as Error).message})`);
  } finally {
    reader.close();
    input.destroy();
  }
}

/**
 * Read the whole file and check it against its own manifest: header first, every
 * chunk's sha256, chunks in order, row counts, manifest last. Returns the manifest.
 */
export async function verifyBackup(file: string): Promise<BackupManifest> {
  let header: BackupHeader | undefined;
  let manifest: BackupManifest | undefined;
  const seen = new Map<string, { rows: number; chunks: string[] }>();
  for await (const line of lines(file)) {
    if (!header) {
      if (line.kind !== 'header' || line.format !== BACKUP_FORMAT) throw new BackupFileError(file, 'it is not a ClinicDesk backup');
      if (line.formatVersion > BACKUP_FORMAT_VERSION) {
        throw new BackupFileError(
          file,
          `format version ${line.formatVersion} is newer than this ClinicDesk reads (${BACKUP_FORMAT_VERSION})`,
        );
      }
      header = line;
      continue;
    }
    if (manifest) throw new BackupFileError(file, 'data after the manifest');
    if (line.kind === 'rows') {
      if (typeof line.data !== 'string' || sha256(line.data) !== line.sha256) {
        throw new BackupFileError(file, `checksum mismatch in table ${line.table} chunk ${line.chunk}`);
      }
      const t = seen.get(line.table) ?? { rows: 0, chunks: [] };
      if (line.chunk !== t.chunks.length) throw new BackupFileError(file, `table ${line.table}: chunk ${line.chunk} out of order`);
      t.chunks.push(line.sha256);
      t.rows += line.rows;
      seen.set(line.table, t);
    } else if (line.kind === 'manifest') {
      manifest = line;
    } else {
      throw new BackupFileError(file, 'a second header');
    }
  }
  if (!header) throw new BackupFileError(file, 'it is empty');
  if (!manifest) throw new BackupFileError(file, 'it is incomplete (no manifest at the end)');
  for (const t of manifest.tables) {
    const s = seen.get(t.name) ?? { rows: 0, chunks: [] };
    if (s.rows !== t.rows || s.chunks.join() !== t.chunks.join()) {
      throw new BackupFileError(file, `table ${t.name}: the data does not match the manifest (${s.rows} rows found, ${t.rows} listed)`);
    }
    seen.delete(t.name);
  }
  if (seen.size) throw new BackupFileError(file, `data for tables missing from the manifest: ${[...seen.keys()].join(', ')}`);
  if (JSON.stringify(header.migrations) !== JSON.stringify(manifest.migrations)) {
    throw new BackupFileError(file, 'header and manifest disagree on migrations');
  }
  return manifest;
}

/** The row chunks in file order (call verifyBackup first; the hashes are checked again here). */
export async function* backupChunks(file: string): AsyncGenerator<RowsLine> {
  for await (const line of lines(file)) {
    if (line.kind !== 'rows') continue;
    if (sha256(line.data) !== line.sha256) throw new BackupFileError(file, `checksum mismatch in table ${line.table} chunk ${line.chunk}`);
    yield line;
  }
}
