/** Hiring: open positions, applicants through their stages, and the onboarding a hire opens (the account, its role, training, profile, checklist). */
export * from './hiring.schemas.ts';
export type { HiringTables } from './hiring.tables.ts';
export { APPLICANT_SOURCES, EMPLOYMENT_TYPES, POSITION_STATUSES, STAGES } from './hiring.tables.ts';
export { NEXT_STAGES } from './stage-rules.ts';
export { createPosition } from './create-position.ts';
export { updatePosition } from './update-position.ts';
export { getPosition, listPositions } from './list-positions.ts';
export { createApplicant } from './create-applicant.ts';
export { updateApplicant } from './update-applicant.ts';
export { getApplicant, listApplicants } from './list-applicants.ts';
export { moveApplicant } from './move-applicant.ts';
export { getOnboarding, listOnboardings } from './list-onboardings.ts';
export { addOnboardingItem } from './add-onboarding-item.ts';
export { tickOnboardingItem } from './tick-onboarding-item.ts';
export { createOnboardingAccount } from './create-onboarding-account.ts';
export { DEFAULT_ONBOARDING_ITEMS } from './open-onboarding.ts';
export { hiringSummary, INTERVIEW_DAYS } from './pipeline-summary.ts';
export { seedHiringDemo } from './seed-hiring-demo.ts';
