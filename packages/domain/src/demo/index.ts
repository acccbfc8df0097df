export { DEMO_ORG_NAME, DEMO_PASSWORD, type DemoLogin, type DemoPractice, type DemoSeeder, seedDemo } from './seed-demo.ts';
export { type SyntheticPatient, syntheticPatient } from './synthetic-patient.ts';
