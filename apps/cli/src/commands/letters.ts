/**
 * `clinicdesk letters templates` lists the letter templates; `clinicdesk letters batch --template
 * <name or id> --audience overdue_recalls|balances_over [--min-balance <cents>] --out <file.pdf>`
 * writes a batch through the same use case as `POST /api/letter-batches` (each letter in the mail
 * log, audited) and saves the batch's PDF to print.
 */
import fs from 'node:fs';
import { runInTenantScope } from '@db/index.ts';
import { createBatch, letterBatchInputSchema, listTemplates, printBatch } from '@domain/letters/index.ts';
import { systemClock } from '@domain/shared/clock.ts';
import { type Ctx, type Db, systemCtx } from '@domain/shared/context.ts';
import type { Command } from 'commander';
import { withDatabase } from '../database.ts';

async function organizationOf(db: Db, id: string | undefined): Promise<string> {
  const org = id
    ? await db.selectFrom('organizations').select('id').where('id', '=', id).executeTakeFirst()
    : await db.selectFrom('organizations').select('id').orderBy('created_at').limit(1).executeTakeFirst();
  if (!org) throw new Error(id ? `no organization ${id}` : 'no organization: start ClinicDesk once (or run `clinicdesk seed demo`) first');
  return org.id;
}

async function withLetters<T>(orgId: string | undefined, work: (ctx: Ctx) => Promise<T>): Promise<T> {
  return withDatabase(async ({ db }) => {
    const organizationId = await organizationOf(db, orgId);
    const ctx = systemCtx(db, systemClock, organizationId, 'cli:letters', `letters-${Date.now()}`);
    return runInTenantScope(() => work(ctx), organizationId);
  });
}

export function registerLetters(program: Command): void {
  const cmd = program.command('letters').description('Letters from templates');
  cmd
    .command('templates')
    .description('List the active letter templates')
    .option('--org <id>', 'organization id (default: the first one)')
    .action(async (opts: { org?: string }) => {
      await withLetters(opts.org, async (ctx) => {
        for (const t of (await listTemplates(ctx, {})).items) console.log(`${t.id}  ${t.kind.padEnd(6)}  ${t.name}`);
      });
    });
  cmd
    .command('batch')
    .description('Write a batch letter to every patient with an overdue recall, or owing at least --min-balance, and save it as one PDF')
    .requiredOption('--template <name or id>', 'the template (its name or id)')
    .requiredOption('--audience <audience>', 'overdue_recalls or balances_over')
    .option('--min-balance <cents>', 'for balances_over: the smallest balance in cents')
    .option('--location <id>', "whose letterhead (default: the practice's first location)")
    .requiredOption('--out <file>', 'where to write the PDF')
    .option('--org <id>', 'organization id (default: the first one)')
    .action(async (opts: { template: string; audience: string; minBalance?: string; location?: string; out: string; org?: string }) => {
      await withLetters(opts.org, async (ctx) => {
        const template = (await listTemplates(ctx, {})).items.find((t) => t.id === opts.template || t.name === opts.template);
        if (!template) throw new Error(`--template: no active template named ${opts.template}`);
        const input = letterBatchInputSchema.safeParse({
          templateId: template.id,
          audience: opts.audience,
          ...(opts.minBalance !== undefined && { minBalanceCents: Number(opts.minBalance) }),
          ...(opts.location && { locationId: opts.location }),
        });
        if (!input.success) {
          const issue = input.error.issues[0];
          throw new Error(`--${String(issue?.path[0] ?? 'audience')}: ${issue?.message ?? 'invalid'}`);
        }
        const batch = await createBatch(ctx, input.data);
        fs.writeFileSync(opts.out, await printBatch(ctx, batch.id));
        console.log(`${batch.id}  ${batch.letterCount} letter(s)  ${template.name}  -> ${opts.out}`);
      });
    });
}
