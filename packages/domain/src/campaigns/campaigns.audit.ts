import { z } from 'zod';
import { RECALL_TYPES } from '../followups/index.ts';
import { defineAuditEvents } from '../shared/audit-events.ts';
import { RESPONSES } from './campaigns.tables.ts';

const count = z.number().int().nonnegative();

/** The audit events the campaigns module writes (see shared/audit-events.ts). Members name patients: PHI. */
export const campaignsAuditEvents = defineAuditEvents({
  'create:recall_campaign': {
    about: 'a recall campaign was drafted (its selection)',
    details: z.strictObject({ recallTypes: z.array(z.enum(RECALL_TYPES)), dueOnOrBefore: z.string() }),
  },
  'update:recall_campaign': {
    about: 'a recall campaign was edited, started (with how many recalls it enrolled), paused, resumed or stopped (`changes`)',
    details: z.strictObject({ enrolled: count, capped: z.boolean() }).nullable(),
  },
  'create:recall_campaign_member': {
    about: "a patient's recall joined a campaign when it started (one row per patient)",
    details: z.strictObject({ campaignId: z.guid(), recallId: z.guid() }),
  },
  'update:recall_campaign_member': {
    about:
      "what came of a patient's outreach: recorded by the desk (declined, unreachable, taken back), or by the system (booked when the recall or a visit was booked; unreachable with no channel left)",
    details: z.strictObject({ campaignId: z.guid(), response: z.enum(RESPONSES), automatic: z.boolean() }),
  },
  'search:recall_campaign_member': {
    about: "a campaign's members were listed, with how many rows (null: the row of a patient shown under a break-glass grant)",
    details: z.strictObject({ campaignId: z.guid(), count, response: z.string().optional() }).nullable(),
  },
});
