import type { Command } from 'commander';
import { seedDemo } from '@domain/demo/index.ts';
import { systemClock } from '@domain/shared/clock.ts';
import { withDatabase } from '../database.ts';

export function registerSeed(program: Command): void {
  const seed = program.command('seed').description('Load data sets');
  seed
    .command('demo')
    .description('Create the demo practice (skipped when it already exists)')
    .option('--patients <n>', 'number of synthetic patients', '200')
    .action(async (opts: { patients: string }) => {
      await withDatabase(async ({ db }) => {
        const logins = await seedDemo(db, systemClock, { patients: Number(opts.patients), force: true });
        if (!logins) {
          console.log('the demo practice already exists');
          return;
        }
        console.log('Demo practice created. Logins:');
        for (const l of logins) console.log(`  ${l.role.padEnd(15)} ${l.email.padEnd(36)} ${l.password}`);
      });
    });
}
