/** Staff directory: profiles beyond the account (title, home location, supervisor) and HR fields for managers. */

export * from './staff.schemas.ts';
export type { StaffTables } from './staff.tables.ts';
export { listStaff } from './list-staff.ts';
export { getStaffMember } from './get-staff-member.ts';
export { updateStaffProfile } from './update-staff-profile.ts';
export { homeLocationsOf } from './home-locations.ts';
