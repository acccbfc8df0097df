/**
 * The whole database as Kysely sees it: the union of the tables each module owns.
 * Only the owning module queries its tables; others call its index.ts.
 */
import type { AuditTables } from './audit/audit.tables.ts';
import type { CommsTables } from './comms/comms.tables.ts';
import type { ComplianceTables } from './compliance/compliance.tables.ts';
import type { DocumentsTables } from './documents/documents.tables.ts';
import type { IdentityTables } from './identity/identity.tables.ts';
import type { IcalTables } from './scheduling/ical.tables.ts';
import type { InsuranceTables } from './insurance/insurance.tables.ts';
import type { JobsTables } from './jobs/jobs.tables.ts';
import type { OrganizationsTables } from './organizations/organizations.tables.ts';
import type { PatientsTables } from './patients/patients.tables.ts';
import type { SchedulingTables } from './scheduling/scheduling.tables.ts';
import type { WaitlistTables } from './waitlist/waitlist.tables.ts';

export interface Database
  extends OrganizationsTables,
    IdentityTables,
    AuditTables,
    JobsTables,
    PatientsTables,
    SchedulingTables,
    InsuranceTables,
    DocumentsTables,
    IcalTables,
    CommsTables,
    WaitlistTables,
    ComplianceTables {}
