/**
 * Demo letters: the six templates (referral, work/school note, results letter; recall reminder,
 * balance reminder, closure notice), a results letter and a work note written from the chart for
 * the first demo patients, and a recall-reminder batch to every patient with an overdue recall.
 */
import type { DemoSeeder } from '../demo/index.ts';
import { systemCtx } from '../shared/context.ts';
import { createBatch } from './create-batch.ts';
import { createLetter } from './create-letter.ts';
import { createTemplate } from './create-template.ts';
import { DEMO_TEMPLATES } from './demo-templates.ts';

export const seedLettersDemo: DemoSeeder = async (demo) => {
  const { clock } = demo.ctx;
  const ctx = {
    ...systemCtx(demo.ctx.db, clock, demo.organizationId, 'demo-seed:letters', demo.ctx.requestId, { baseDb: demo.ctx.baseDb }),
    locationId: demo.locationIds[0] ?? null,
  };
  const templates = new Map<string, string>();
  for (const t of DEMO_TEMPLATES) templates.set(t.name, (await createTemplate(ctx, t)).id);
  const results = templates.get('Results letter');
  const note = templates.get('Work or school note');
  const recall = templates.get('Recall reminder');
  // Two open records (a restricted one is not the seeder's to open), in a fixed order.
  const open = await ctx.db
    .selectFrom('patient_names')
    .select('id')
    .where('organization_id', '=', demo.organizationId)
    .where('restricted', '=', false)
    .where('id', 'in', demo.patientIds.slice(0, 10))
    .orderBy('family_name')
    .orderBy('id')
    .limit(2)
    .execute();
  const [first, second] = open.map((r) => r.id);
  if (results && first) await createLetter(ctx, { templateId: results, patientId: first, providerId: demo.providerIds[0] });
  if (note && second) await createLetter(ctx, { templateId: note, patientId: second });
  if (recall) await createBatch(ctx, { templateId: recall, audience: 'overdue_recalls' });
};
