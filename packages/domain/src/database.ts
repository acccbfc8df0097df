/**
 * The whole database as Kysely sees it: the union of the tables each module owns, and the
 * views modules offer as their read surface (their manifest's `views`). Only the owning module
 * queries its tables; others call its index.ts or read its views (scripts/check-boundaries.js).
 */
import type { AccountsTables } from './accounts/accounts.tables.ts';
import type { AccountsViews } from './accounts/accounts.views.ts';
import type { DepositsTables } from './deposits/deposits.tables.ts';
import type { AuditTables } from './audit/audit.tables.ts';
import type { AuditViews } from './audit/audit.views.ts';
import type { BillingTables } from './billing/billing.tables.ts';
import type { ClaimsTables } from './claims/claims.tables.ts';
import type { EligibilityTables } from './eligibility/eligibility.tables.ts';
import type { ClinicalTables } from './clinical/clinical.tables.ts';
import type { CallsTables } from './calls/calls.tables.ts';
import type { CredentialsTables } from './credentials/credentials.tables.ts';
import type { EquipmentTables } from './equipment/equipment.tables.ts';
import type { HiringTables } from './hiring/hiring.tables.ts';
import type { TrainingTables } from './training/training.tables.ts';
import type { CampaignsTables } from './campaigns/campaigns.tables.ts';
import type { ComplaintsTables } from './complaints/complaints.tables.ts';
import type { TasksTables } from './tasks/tasks.tables.ts';
import type { DashboardTables } from './dashboard/dashboard.tables.ts';
import type { StaffTables } from './staff/staff.tables.ts';
import type { RotaTables } from './rota/rota.tables.ts';
import type { CodesTables } from './codes/codes.tables.ts';
import type { CollectionsTables } from './collections/collections.tables.ts';
import type { CommsTables } from './comms/comms.tables.ts';
import type { ComplianceTables } from './compliance/compliance.tables.ts';
import type { ComplianceViews } from './compliance/compliance.views.ts';
import type { DocumentsTables } from './documents/documents.tables.ts';
import type { EncountersTables } from './encounters/encounters.tables.ts';
import type { FollowupsTables } from './followups/followups.tables.ts';
import type { IdentityTables } from './identity/identity.tables.ts';
import type { IdentityViews } from './identity/identity.views.ts';
import type { IcalTables } from './scheduling/ical.tables.ts';
import type { InsuranceTables } from './insurance/insurance.tables.ts';
import type { JobsTables } from './jobs/jobs.tables.ts';
import type { LedgerTables } from './ledger/ledger.tables.ts';
import type { LettersTables } from './letters/letters.tables.ts';
import type { InboxTables } from './inbox/inbox.tables.ts';
import type { StatementsTables } from './statements/statements.tables.ts';
import type { OrganizationsTables } from './organizations/organizations.tables.ts';
import type { OrganizationsViews } from './organizations/organizations.views.ts';
import type { PatientsTables } from './patients/patients.tables.ts';
import type { PatientsViews } from './patients/patients.views.ts';
import type { PayablesTables } from './payables/payables.tables.ts';
import type { SchedulingTables } from './scheduling/scheduling.tables.ts';
import type { SchedulingViews } from './scheduling/scheduling.views.ts';
import type { WaitlistTables } from './waitlist/waitlist.tables.ts';

export interface Database
  extends OrganizationsTables,
    IdentityTables,
    AuditTables,
    JobsTables,
    PatientsTables,
    SchedulingTables,
    InsuranceTables,
    CodesTables,
    EncountersTables,
    DocumentsTables,
    IcalTables,
    CommsTables,
    WaitlistTables,
    ClinicalTables,
    FollowupsTables,
    BillingTables,
    ClaimsTables,
    DepositsTables,
    AccountsTables,
    PayablesTables,
    LedgerTables,
    StatementsTables,
    CollectionsTables,
    EligibilityTables,
    LettersTables,
    InboxTables,
    ComplianceTables,
    TasksTables,
    StaffTables,
    RotaTables,
    CallsTables,
    CampaignsTables,
    ComplaintsTables,
    DashboardTables,
    CredentialsTables,
    TrainingTables,
    EquipmentTables,
    HiringTables,
    OrganizationsViews,
    AccountsViews,
    PatientsViews,
    IdentityViews,
    AuditViews,
    ComplianceViews,
    SchedulingViews {}
