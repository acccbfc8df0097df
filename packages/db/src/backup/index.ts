/** Logical backup and restore of a ClinicDesk database (no business rules here: tables are read from the catalog). */
export { type BackupManifest, BackupFileError, type SequenceState, type TableManifest } from './format.ts';
export type { CheckResult } from './integrity.ts';
export { verifyBackup } from './read-backup.ts';
export {
  type ExtraCheck,
  RestoreIntegrityError,
  RestoreRefusedError,
  type RestoreOptions,
  type RestoreSummary,
  restoreDatabase,
} from './restore-backup.ts';
export { type BackupOptions, backupDatabase } from './write-backup.ts';
