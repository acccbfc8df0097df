import { recallBooked } from '../followups/index.ts';
import { defineModule } from '../module-manifest.ts';
import { react } from '../shared/events.ts';
import { CampaignSweeper } from './campaign-sweeper.ts';
import { campaignsAuditEvents } from './campaigns.audit.ts';
import { memberBookedWithRecall } from './recall-booked.ts';
import { CAMPAIGN_STAGES_QUEUE, CAMPAIGN_SWEEP_QUEUE, handleCampaignStagesJob, handleCampaignSweepJob } from './run-stages.ts';
import { seedCampaignsDemo } from './seed-campaigns-demo.ts';

/** Recall campaigns: due recalls reached by email, then text, then letter, by consent; responses and the report. */
export const campaignsModule = defineModule({
  name: 'campaigns',
  tables: ['recall_campaigns', 'recall_campaign_members', 'recall_campaign_sends'],
  jobs: {
    [CAMPAIGN_SWEEP_QUEUE]: handleCampaignSweepJob,
    [CAMPAIGN_STAGES_QUEUE]: handleCampaignStagesJob,
  },
  periodic: ({ db, clock, log }) => [
    new CampaignSweeper({ db, clock, onError: (err) => log.warn({ err }, 'campaign sweep could not be queued; will retry') }),
  ],
  reactions: [react(recallBooked, 'campaigns.member-booked', memberBookedWithRecall)],
  demo: seedCampaignsDemo,
  // A merged patient's campaign rows follow the survivor.
  merge: { 'recall_campaign_members.patient_id': 'move' },
  audit: campaignsAuditEvents,
});
