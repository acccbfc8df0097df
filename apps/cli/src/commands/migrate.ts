import type { Command } from 'commander';
import { migrate, resolveDatabase } from '@db/index.ts';
import { loadConfig } from '@server/config.ts';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('Apply pending database migrations (also done at every start)')
    .action(async () => {
      const config = loadConfig();
      const database = await resolveDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, shareRunning: true });
      try {
        const result = await migrate(database.connectionString, (m) => console.log(m));
        console.log(result.applied.length ? `${result.applied.length} migration(s) applied` : 'database is up to date');
      } finally {
        await database.stop();
      }
    });
}
