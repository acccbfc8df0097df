/** Types of the hiring API, from the generated schema, and the words the screens show. */
import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type Position = Json<paths['/api/positions']['get']['responses'][200]>['items'][number];
export type Applicant = Json<paths['/api/applicants']['get']['responses'][200]>['items'][number];
export type ApplicantDetail = Json<paths['/api/applicants/{id}']['get']['responses'][200]>;
export type Onboarding = Json<paths['/api/onboardings']['get']['responses'][200]>['items'][number];
export type Invite = Json<paths['/api/onboardings/{id}/account']['post']['responses'][201]>['invite'];
export type Stage = Applicant['stage'];

export const STAGES: Stage[] = ['applied', 'screening', 'interview', 'offer', 'hired', 'rejected', 'withdrawn'];
export const PIPELINE: Stage[] = ['applied', 'screening', 'interview', 'offer', 'hired'];
export const STAGE_LABELS: Record<Stage, string> = {
  applied: 'Applied',
  screening: 'Screening',
  interview: 'Interview',
  offer: 'Offer',
  hired: 'Hired',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};
/** The button that moves an applicant to a stage. */
export const MOVE_LABELS: Record<Stage, string> = {
  applied: 'Applied',
  screening: 'Move to screening',
  interview: 'Move to interview',
  offer: 'Make an offer',
  hired: 'Hire',
  rejected: 'Reject',
  withdrawn: 'Withdrew',
};
export const STAGE_COLORS: Record<Stage, string> = {
  applied: 'gray',
  screening: 'blue',
  interview: 'violet',
  offer: 'orange',
  hired: 'green',
  rejected: 'red',
  withdrawn: 'gray',
};
export const EMPLOYMENT_LABELS: Record<Position['employmentType'], string> = {
  full_time: 'Full time',
  part_time: 'Part time',
  per_diem: 'Per diem',
  contract: 'Contract',
};
export const POSITION_STATUS_LABELS: Record<Position['status'], string> = {
  open: 'Open',
  on_hold: 'On hold',
  filled: 'Filled',
  closed: 'Closed',
};
export const SOURCE_LABELS: Record<Applicant['source'], string> = {
  referral: 'Referral',
  job_board: 'Job board',
  website: 'Website',
  walk_in: 'Walk-in',
  agency: 'Agency',
  other: 'Other',
};
