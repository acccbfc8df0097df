export { isOnCareTeam, onCareTeamSql } from './care-team.ts';
export { type PatientAccess, requirePatientAccess } from './patient-access.ts';
export { mayOpenPatientRowSql, mayOpenPatientSql, patientAccessMany } from './patient-access-many.ts';
export {
  PERMISSIONS,
  type Permission,
  permissionMatrixMarkdown,
  managesRole,
  permissionsAt,
  ROLE_PERMISSIONS,
  ROLES,
  type Role,
  type RoleAssignment,
  SYSTEM_PURPOSES,
  type SystemPurpose,
  systemPermissions,
} from './permissions.ts';
export { can, requirePermission, systemMayOpenRestricted } from './require-permission.ts';
export { holdsAt, readableLocations } from './location-scope.ts';
