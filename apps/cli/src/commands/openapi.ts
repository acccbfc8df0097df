import type { Command } from 'commander';
import { buildApp } from '@server/app.ts';
import { createKysely, createPool } from '@db/index.ts';
import type { Database } from '@domain/database.ts';

export function registerOpenapi(program: Command): void {
  program
    .command('openapi')
    .description('Print the OpenAPI 3.1 document (no database needed)')
    .action(async () => {
      // The document comes from route schemas only; the pool is never connected.
      const pool = createPool({ connectionString: 'postgresql://unused@127.0.0.1:1/none', appRole: false });
      const { app } = await buildApp({ db: createKysely<Database>(pool), pool });
      process.stdout.write(`${JSON.stringify(app.swagger(), null, 2)}\n`);
      await app.close();
      await pool.end();
    });
}
