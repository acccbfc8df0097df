/** Recall campaigns: staged outreach (email, text, letter) to due recalls by consent, responses, the report. */

export * from './campaigns.schemas.ts';
export type { CampaignsTables } from './campaigns.tables.ts';
export { CAMPAIGN_STATUSES, RESPONSES, STAGES } from './campaigns.tables.ts';
export { createCampaign, previewCampaign } from './create-campaign.ts';
export { updateCampaign } from './update-campaign.ts';
export { getCampaign, listCampaigns } from './list-campaigns.ts';
export { listMembers } from './list-members.ts';
export { recordResponse } from './record-response.ts';
export { campaignReport, campaignReportCsv } from './campaign-report.ts';
export {
  CAMPAIGN_STAGES_QUEUE,
  CAMPAIGN_SWEEP_QUEUE,
  markBookedByVisits,
  runCampaignStages,
  runCampaignStagesNow,
  STAGE_BATCH,
  sweepCampaigns,
} from './run-stages.ts';
export { CampaignSweeper } from './campaign-sweeper.ts';
export { seedCampaignsDemo } from './seed-campaigns-demo.ts';
