import type { Command } from 'commander';
import { restoreDatabase } from '@db/backup/index.ts';
import { resolveDatabase } from '@db/index.ts';
import { loadConfig } from '@server/config.ts';

export function registerRestore(program: Command): void {
  program
    .command('restore')
    .description('Restore a backup into an empty database (stop ClinicDesk first), then check its integrity')
    .argument('<file>', 'a file written by `clinicdesk backup`')
    .option('--force', 'replace everything in a database that already holds data')
    .action(async (file: string, opts: { force?: boolean }) => {
      const config = loadConfig();
      const database = await resolveDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, shareRunning: true });
      try {
        const summary = await restoreDatabase({
          connectionString: database.connectionString,
          file,
          force: opts.force === true,
          log: (line) => console.log(line),
        });
        for (const c of summary.checks) console.log(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`);
        if (summary.upgraded.length) console.log(`applied ${summary.upgraded.length} migration(s) newer than the backup`);
        console.log(
          `restored ${summary.rows} rows in ${summary.manifest.tables.length} tables from a backup of ${summary.manifest.createdAt} ` +
            `(ClinicDesk ${summary.manifest.clinicdeskVersion})`,
        );
      } finally {
        await database.stop();
      }
    });
}
