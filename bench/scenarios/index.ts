/** All benchmark scenarios by name. A module adds its scenarios here. */
import type { Scenario } from '../harness.ts';
import { claimScenarios } from './claims.ts';
import { remittanceScenarios } from './remittances.ts';
import { codesScenarios } from './codes.ts';
import { encounterScenarios } from './encounters.ts';
import { healthz, me } from './foundation.ts';
import { patientScenarios } from './patients.ts';
import { paymentScenarios } from './payments.ts';
import { schedulingScenarios } from './scheduling.ts';
import { statementScenarios } from './statements.ts';

export const scenarios: Scenario[] = [
  healthz,
  me,
  ...patientScenarios,
  ...schedulingScenarios,
  ...codesScenarios,
  ...encounterScenarios,
  ...claimScenarios,
  ...remittanceScenarios,
  ...paymentScenarios,
  ...statementScenarios,
];
