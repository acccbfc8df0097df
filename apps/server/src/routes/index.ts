/** Every module's routes, registered in this order. A new module adds one line. */
import type { App } from '../plugins/types.ts';
import accountRoutes from './account/index.ts';
import auditRoutes from './audit/index.ts';
import billingRoutes from './billing/index.ts';
import accountsRoutes from './accounts/index.ts';
import claimsRoutes from './claims/index.ts';
import depositsRoutes from './deposits/index.ts';
import ledgerRoutes from './ledger/index.ts';
import lettersRoutes from './letters/index.ts';
import inboxRoutes from './inbox/index.ts';
import statementsRoutes from './statements/index.ts';
import remittanceRoutes from './claims/remittances.ts';
import reportsRoutes from './reports/index.ts';
import dashboardRoutes from './dashboard/index.ts';
import adjustmentReasonRoutes from './claims/adjustment-reasons.ts';
import clinicalRoutes from './clinical/index.ts';
import collectionsRoutes from './collections/index.ts';
import commsRoutes from './comms/index.ts';
import authRoutes from './auth/index.ts';
import codesRoutes from './codes/index.ts';
import documentRoutes from './documents/index.ts';
import eligibilityRoutes from './eligibility/index.ts';
import encounterRoutes from './encounters/index.ts';
import followupsRoutes from './followups/index.ts';
import insuranceRoutes from './insurance/index.ts';
import organizationSettingsRoutes from './organization-settings/index.ts';
import organizationRoutes from './organizations/index.ts';
import patientRoutes from './patients/index.ts';
import payablesRoutes from './payables/index.ts';
import scheduleExportRoutes from './schedule-exports/index.ts';
import schedulingRoutes from './scheduling/index.ts';
import systemRoutes from './system.ts';
import userRoutes from './users/index.ts';
import waitlistRoutes from './waitlist/index.ts';
import callsRoutes from './calls/index.ts';
import campaignsRoutes from './campaigns/index.ts';
import complaintsRoutes from './complaints/index.ts';
import tasksRoutes from './tasks/index.ts';
import staffRoutes from './staff/index.ts';
import rotaRoutes from './rota/index.ts';
import credentialsRoutes from './credentials/index.ts';
import equipmentRoutes from './equipment/index.ts';
import trainingRoutes from './training/index.ts';
import hiringRoutes from './hiring/index.ts';

export const routeModules: ((app: App) => Promise<void>)[] = [
  systemRoutes,
  authRoutes,
  organizationRoutes,
  auditRoutes,
  accountRoutes,
  userRoutes,
  organizationSettingsRoutes,
  patientRoutes,
  insuranceRoutes,
  codesRoutes,
  documentRoutes,
  schedulingRoutes,
  scheduleExportRoutes,
  commsRoutes,
  waitlistRoutes,
  encounterRoutes,
  clinicalRoutes,
  followupsRoutes,
  billingRoutes,
  claimsRoutes,
  accountsRoutes,
  depositsRoutes,
  ledgerRoutes,
  payablesRoutes,
  statementsRoutes,
  reportsRoutes,
  collectionsRoutes,
  eligibilityRoutes,
  lettersRoutes,
  inboxRoutes,
  remittanceRoutes,
  adjustmentReasonRoutes,
  tasksRoutes,
  callsRoutes,
  staffRoutes,
  rotaRoutes,
  campaignsRoutes,
  complaintsRoutes,
  dashboardRoutes,
  credentialsRoutes,
  trainingRoutes,
  equipmentRoutes,
  hiringRoutes,
];
