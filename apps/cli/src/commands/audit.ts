import type { Command } from 'commander';
import { sealAudit, verifyAudit } from '@domain/audit/index.ts';
import { withDatabase } from '../database.ts';

/** `clinicdesk audit seal|verify`: the same sealer and verifier the server runs. */
export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('The audit trail: hash-chain sealing and verification');
  audit
    .command('seal')
    .description('Seal every committed audit row up to the safe watermark (the server also does this every few seconds)')
    .action(async () => {
      await withDatabase(async ({ db }) => {
        const result = await sealAudit(db, { lockAttempts: 200, lockRetryMs: 10 });
        console.log(JSON.stringify(result));
        if (result.watermark === null) {
          console.error('appends never paused long enough to take a watermark; run again later');
          process.exitCode = 2;
        }
      });
    });
  audit
    .command('verify')
    .description('Verify the hash chain over the whole audit table; prints { ok, checked, firstBadSeq }, exit 1 when broken')
    .action(async () => {
      await withDatabase(async ({ db }) => {
        const result = await verifyAudit(db);
        console.log(JSON.stringify(result));
        if (!result.ok) process.exitCode = 1;
      });
    });
}
