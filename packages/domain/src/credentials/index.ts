/** Credentials of providers and staff: licences (by state), DEA, board, BLS/ACLS, malpractice; expiry alerts; the booking guard. */
export * from './credentials.schemas.ts';
export type { CredentialsTables } from './credentials.tables.ts';
export { ALERT_THRESHOLDS, CREDENTIAL_KINDS } from './credentials.tables.ts';
export { createCredential } from './create-credential.ts';
export { updateCredential } from './update-credential.ts';
export { getCredential } from './get-credential.ts';
export { listCredentials } from './list-credentials.ts';
export { credentialsDueSummary } from './due-summary.ts';
export {
  CREDENTIAL_ALERT_QUEUE,
  CREDENTIAL_SWEEP_QUEUE,
  CredentialAlertSweeper,
  sweepCredentialAlerts,
} from './credential-alerts.ts';
export { seedCredentialsDemo } from './seed-credentials-demo.ts';
