export { isOnCareTeam, onCareTeamSql } from './care-team.ts';
export { type PatientAccess, requirePatientAccess } from './patient-access.ts';
export { mayOpenPatientSql, patientAccessMany } from './patient-access-many.ts';
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
} from './permissions.ts';
export { can, requirePermission } from './require-permission.ts';
