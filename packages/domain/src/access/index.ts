export { isOnCareTeam, onCareTeamSql } from './care-team.ts';
export { type PatientAccess, requirePatientAccess } from './patient-access.ts';
export { mayOpenPatientRowSql, mayOpenPatientSql, patientAccessMany } from './patient-access-many.ts';
export {
  PERMISSIONS,
  type Permission,
  permissionMatrixMarkdown,
  managesRole,
  permissionsAt,
  permissionsOf,
  ROLE_PERMISSIONS,
  ROLES,
  type Role,
  type RoleAssignment,
  SYSTEM_PURPOSES,
  type SystemPurpose,
  systemPermissions,
} from './permissions.ts';
export { can, requirePermission, systemMayOpenRestricted } from './require-permission.ts';
export {
  actingLocation,
  findPlace,
  holdsAt,
  locationsHolding,
  NOBODY,
  type Place,
  placeOf,
  requireAt,
  todayAt,
} from './location-scope.ts';
