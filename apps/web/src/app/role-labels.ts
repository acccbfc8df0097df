/** A role's name as people read it: the user menu, the users admin, hiring's positions and onboardings. */
import type { Role } from '../api/types.ts';

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  office_manager: 'Office manager',
  front_desk: 'Front desk',
  biller: 'Biller',
  clinician: 'Clinician',
  nurse: 'Nurse',
};
