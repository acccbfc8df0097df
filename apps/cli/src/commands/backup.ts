import fs from 'node:fs';
import type { Command } from 'commander';
import { backupDatabase } from '@db/backup/index.ts';
import { resolveDatabase } from '@db/index.ts';
import { loadConfig } from '@server/config.ts';
import { clinicdeskVersion } from '../version.ts';

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('Write a consistent backup of the whole database to <file> (safe while ClinicDesk runs)')
    .argument('<file>', "where to write it (gzip'd JSON lines with a manifest and checksums)")
    .action(async (file: string) => {
      const config = loadConfig();
      // With a running server on the same DATA_DIR, its embedded database is shared, not refused.
      const database = await resolveDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, shareRunning: true });
      try {
        const started = Date.now();
        const manifest = await backupDatabase({
          connectionString: database.connectionString,
          file,
          clinicdeskVersion: clinicdeskVersion(),
        });
        const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
        for (const t of manifest.tables) console.log(`  ${t.name.padEnd(32)} ${String(t.rows).padStart(9)} rows`);
        console.log(
          `backup written to ${file}: ${manifest.tables.length} tables, ${rows} rows, ${manifest.migrations.length} migrations, ` +
            `${fs.statSync(file).size} bytes in ${((Date.now() - started) / 1000).toFixed(1)} s`,
        );
      } finally {
        await database.stop();
      }
    });
}
