/** Training and policies: items, assignments, completion with evidence, policy acknowledgements, the overdue report, the onboarding set. */
export * from './training.schemas.ts';
export type { TrainingTables } from './training.tables.ts';
export { TRAINING_CATEGORIES, TRAINING_KINDS } from './training.tables.ts';
export { createTrainingItem, listTrainingItems, updateTrainingItem } from './items.ts';
export { assignTraining } from './assign-training.ts';
export { completeAssignment } from './complete-assignment.ts';
export { listAssignments, trainingDueSummary, trainingOverdueReport } from './list-assignments.ts';
export { seedTrainingDemo } from './seed-training-demo.ts';
export { type OnboardingTraining, onboardingTrainingOf } from './onboarding-status.ts';
