import type { Command } from 'commander';
import { type ExtraCheck, restoreDatabase } from '@db/backup/index.ts';
import { createKysely, createPool, resolveDatabase } from '@db/index.ts';
import { verifyAudit } from '@domain/audit/index.ts';
import type { Database } from '@domain/database.ts';
import { loadConfig } from '@server/config.ts';

/** The restored audit trail must still verify against its hash chain (rows went back byte for byte). */
export const auditChainCheck: ExtraCheck = {
  name: 'audit chain',
  async run(connectionString) {
    const pool = createPool({ connectionString, max: 1, appRole: false });
    try {
      const result = await verifyAudit(createKysely<Database>(pool));
      return result.ok ? null : `the hash chain breaks at seq ${result.firstBadSeq} (${result.checked} sealed events checked)`;
    } finally {
      await pool.end();
    }
  },
};

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
          checks: [auditChainCheck],
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
