/**
 * The role × permission table: the single source of truth for least privilege.
 * docs/PERMISSIONS.md is generated from it (`clinicdesk docs permissions`).
 * A module adding a permission adds it here and grants it to the roles that need it.
 */
export const ROLES = ['admin', 'office_manager', 'front_desk', 'biller', 'clinician', 'nurse'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  'org:read': 'See the practice, its locations, providers and rooms',
  'location:manage': 'Create and edit locations',
  'settings:manage': 'Change practice settings (MFA policy, timeouts, SMTP)',
  'user:read': 'List staff accounts',
  'user:manage': 'Create, deactivate and assign roles to staff accounts; reset MFA; end sessions',
  'patient:read': 'Open and search patient records',
  'patient:write': 'Register and edit patients',
  'patient:merge': 'Merge duplicate patient records',
  'coverage:write': 'Add and edit insurance coverage',
  'document:read': 'View scanned paperwork',
  'document:write': 'Upload scanned paperwork',
  'payer:manage': 'Maintain the payer list',
  'schedule:manage': 'Maintain provider templates, rooms and appointment types',
  'appointment:read': 'See the schedule',
  'appointment:write': 'Book, reschedule, cancel and move patients through the flow',
  'appointment:override': 'Overbook a slot that is already taken',
  'note:read': 'Read encounter notes',
  'note:write': 'Write encounter notes',
  'note:sign': 'Sign and lock encounter notes',
  'prescription:write': 'Record and print prescriptions',
  'procedure:manage': 'Maintain the practice procedure list and its fees',
  'template:manage': 'Maintain note templates and quick texts',
  'fee-schedule:manage': 'Maintain fee schedules and payer contracted amounts',
  'claim:read': 'See claims and remittances',
  'claim:submit': 'Build and submit insurance claims',
  'claim:settings': 'Maintain the claims reference lists the office imports (adjustment reason texts)',
  'account:read': "See a patient's account: balances, payments and refunds",
  'eligibility:check': "Check a coverage's eligibility with the payer (270/271) and see the answer",
  'claim:write-off': 'Write off what is left of a claim (money the practice gives up collecting from the payer)',
  'payment:post': 'Post payments',
  'refund:issue': 'Issue refunds',
  'ledger:read': 'See the books: trial balance and journal',
  'payables:read': 'See vendors, vendor bills, bill payments and payables aging',
  'payables:manage': 'Add and edit vendors, enter and void vendor bills, pay them',
  'statement:run': 'Run patient statements (one per guarantor owing at least a threshold; emailed where agreed)',
  'collections:read': 'See the collections worklist, contact log, payment plans and agency accounts',
  'collections:manage': 'Log collection contacts and promises to pay, set up and cancel payment plans, send accounts to the agency',
  'collections:write-off': 'Write off small patient balances in a batch (money the practice gives up collecting)',
  'day:read': "See a location's daily closes, deposits and what closing a day would record",
  'day:close': "Close a location's day: record the counted cash and its variance (nothing may be dated into a closed day)",
  'deposit:create': 'Take payments to the bank in a deposit batch',
  'call:read': 'See the call log: who called, why, the notes, the follow-ups waiting',
  'call:write': 'Log phone calls, match the caller to a patient, record outcomes and follow-ups',
  'task:read': 'See task lists (mine, a location’s, a patient’s)',
  'task:write': 'Make tasks; edit and complete their own, their team’s and the location’s unassigned ones',
  'task:manage': 'Edit and reassign any task at the location, run projects and set task service levels',
  'complaint:create': 'Log a complaint or concern about services and care',
  'complaint:manage': 'See, assign and resolve complaints and read the monthly complaints report',
  'audit:read': 'Read the audit trail and access reports',
  'report:read': 'See practice reports and the dashboard',
  'report:finance':
    'See the finance reports (A/R aging, days in A/R, collections, payments by method, trial balance) and export the general-ledger journal',
  'letter:write': 'Write and print patient letters from templates, send batch letters, see the mail log',
  'letter:template': 'Maintain letter templates and their merge fields',
  'message:staff': 'Send, read, assign and close internal staff messages (refill requests go to the prescriber)',
  'staff:read': 'See the staff directory (job titles, locations, supervisors; not HR fields)',
  'staff:manage':
    'Edit staff profiles and see their HR fields (hire date, emergency contact); run the rota of a location: shifts, coverage rules, swap and time-off approvals, on call',
  'rota:read': 'See the rota, coverage gaps, who is on call and handover notes; write and acknowledge handovers; ask for a shift swap',
  'timeoff:request': 'Ask for time off (a manager approves it)',
  'credential:read': 'See providers’ and staff credentials (licences, DEA, board, BLS/ACLS, malpractice) and what expires when',
  'credential:manage': 'Record, renew and correct credentials',
  'training:read': 'See the training and policy list and one’s own assignments; complete them and acknowledge policies',
  'training:manage': 'Maintain training items and policies, assign them, and read the overdue report',
  'equipment:read': 'See the equipment inventory and its fault tickets',
  'equipment:report': 'Report an equipment fault (out of service blocks its room for booking)',
  'equipment:manage': 'Maintain the equipment inventory and service dates; schedule vendor visits and resolve faults',
  'campaign:read': 'See recall campaigns, the patients in them, where each stands, and the campaign report',
  'campaign:respond': "Record a patient's answer to a recall campaign (declined, unreachable)",
  'campaign:manage': 'Create, edit, start, pause and stop recall campaigns (email, then text, then letter)',
  'hiring:read': 'See open positions, applicants (HR data: contact details, stage history, interview notes) and onboardings',
  'hiring:manage':
    'Open and edit positions, record applicants and move them through the stages, hire, and work the onboarding checklist (creating the account)',
  break_glass: 'Open a restricted record in an emergency, stating a reason',
} as const;
export type Permission = keyof typeof PERMISSIONS;

const ALL = Object.keys(PERMISSIONS) as Permission[];
const CLINICAL: Permission[] = ['note:read', 'note:write', 'note:sign', 'prescription:write', 'break_glass'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // The practice's system administrator: everything except clinical documentation.
  // Small-balance write-offs stay with the office manager (a money decision, not administration).
  admin: ALL.filter((p) => !CLINICAL.includes(p) && p !== 'collections:write-off'),
  office_manager: ALL.filter((p) => p !== 'note:write' && p !== 'note:sign' && p !== 'prescription:write'),
  front_desk: [
    'org:read',
    'patient:read',
    'patient:write',
    'coverage:write',
    'document:read',
    'document:write',
    'appointment:read',
    'appointment:write',
    'account:read',
    'eligibility:check',
    'payment:post',
    'day:read',
    'call:read',
    'call:write',
    'task:read',
    'task:write',
    'complaint:create',
    'letter:write',
    'message:staff',
    'staff:read',
    'rota:read',
    'timeoff:request',
    'training:read',
    'equipment:read',
    'equipment:report',
    'campaign:read',
    'campaign:respond',
  ],
  biller: [
    'org:read',
    'patient:read',
    'coverage:write',
    'document:read',
    'payer:manage',
    'procedure:manage',
    'fee-schedule:manage',
    'appointment:read',
    'claim:read',
    'claim:submit',
    'claim:settings',
    'account:read',
    'eligibility:check',
    'claim:write-off',
    'payment:post',
    'refund:issue',
    'ledger:read',
    'statement:run',
    'collections:read',
    'collections:manage',
    'report:read',
    'report:finance',
    'day:read',
    'day:close',
    'deposit:create',
    'call:read',
    'call:write',
    'task:read',
    'task:write',
    'complaint:create',
    'letter:write',
    'message:staff',
    'staff:read',
    'rota:read',
    'timeoff:request',
    'training:read',
    'equipment:read',
    'equipment:report',
  ],
  clinician: [
    'org:read',
    'patient:read',
    'patient:write',
    'document:read',
    'document:write',
    'appointment:read',
    'appointment:write',
    'note:read',
    'note:write',
    'note:sign',
    'prescription:write',
    'template:manage',
    'letter:write',
    'message:staff',
    'training:read',
    'equipment:read',
    'equipment:report',
    'break_glass',
    'call:read',
    'call:write',
    'task:read',
    'task:write',
    'complaint:create',
    'staff:read',
    'rota:read',
    'timeoff:request',
  ],
  nurse: [
    'org:read',
    'patient:read',
    'patient:write',
    'document:read',
    'document:write',
    'appointment:read',
    'appointment:write',
    'note:read',
    'note:write',
    'letter:write',
    'message:staff',
    'training:read',
    'equipment:read',
    'equipment:report',
    'break_glass',
    'call:read',
    'call:write',
    'task:read',
    'task:write',
    'complaint:create',
    'staff:read',
    'rota:read',
    'timeoff:request',
  ],
};

/**
 * What the system does without a person, each purpose with the permissions its code path
 * needs: `can` checks a system actor against its purpose's set as it checks a user against
 * their roles. No purpose holds a clinical permission (note:*, break_glass). A new kind of
 * system work adds its purpose here with the fewest permissions that let it run, and builds
 * its context with `systemCtx` (shared/context.ts); the audit trail names it `system:<purpose>`.
 */
interface SystemPurposeDef {
  does: string;
  permissions: readonly Permission[];
  /**
   * The purpose's work reaches restricted records (a job acting for the patient on their own
   * visit or waitlist entry, the patient's own link, the importer's duplicate check). Without
   * it a restricted record is to the system what it is to a stranger: not found, or a
   * placeholder on a list.
   */
  restrictedRecords?: true;
}

export const SYSTEM_PURPOSES = {
  'job:no-show': {
    does: 'The automatic no-show job (scheduling/mark-no-show.ts): a visit the patient missed becomes no_show',
    permissions: ['appointment:write'],
    restrictedRecords: true,
  },
  'job:waitlist': {
    does: 'The waitlist jobs (waitlist/waitlist-jobs.ts, offer-freed-slot.ts): offer a freed slot to the next entry, holding it; expire an offer',
    permissions: ['appointment:write'],
    restrictedRecords: true,
  },
  'job:dashboard-digest': {
    does: "The office manager's morning digest (dashboard/daily-digest.ts): the location's dashboard figures (counts and totals, no patient), emailed to its office managers",
    permissions: [
      'report:read',
      'report:finance',
      'appointment:read',
      'task:read',
      'claim:read',
      'rota:read',
      'credential:read',
      'training:manage',
      'hiring:read',
      'equipment:read',
    ],
  },
  'job:credential-alerts': {
    does: "The credential expiry email job (credentials/credential-alerts.ts): reads where the holder works (their staff profile's home location) to tell that location's office managers",
    permissions: ['staff:read'],
  },
  'job:payment-receipt': {
    does: "The receipt email job (accounts/receipt-jobs.ts): reads the payment, the patient's name and balance for the receipt the desk asked to email",
    permissions: ['account:read', 'patient:read'],
    restrictedRecords: true,
  },
  'patient-link': {
    does: "A patient's one-click link (comms/use-signed-link.ts): confirm or cancel their visit, take a waitlist offer (a booking)",
    permissions: ['appointment:write'],
    restrictedRecords: true,
  },
  'sms-reply': {
    does: "A patient's text to the practice's number (comms/receive-inbound-sms.ts): C/Y confirms and N cancels their next visit, STOP/START sets whether they get texts",
    permissions: ['appointment:write', 'patient:write'],
    restrictedRecords: true,
  },
  'ical-feed': {
    does: "A provider's calendar feed (scheduling/get-ical-feed.ts): the visits' types, times, locations and statuses",
    permissions: ['appointment:read'],
  },
  'ical-feed:patient-names': {
    does: 'The same feed when the practice chose to show patient names in it',
    permissions: ['appointment:read', 'patient:read'],
  },
  'job:campaigns': {
    does: "The recall campaign stages (campaigns/run-stages.ts): reads each patient's consents and contacts, queues the email and text, writes the letter from the campaign's template and logs each attempt on the recall",
    permissions: ['org:read', 'patient:read', 'appointment:read', 'appointment:write', 'letter:write'],
    restrictedRecords: true,
  },
  'demo-seed': {
    does: "The demo practice on first start (demo/seed-demo.ts): one login per role; the modules' demo seeders write their rows directly",
    permissions: ['user:manage'],
  },
  'demo-seed:claims': {
    does: "The demo practice's claims (claims/seed-claims-demo.ts): approves review charges, builds, scrubs and batches claims as a biller would",
    permissions: ['org:read', 'patient:read', 'claim:read', 'claim:submit'],
  },
  'demo-seed:collections': {
    does: "The demo practice's collections (collections/seed-collections-demo.ts): approves charges still in review as of weeks and months ago, a contact log with a promise to pay, a payment plan, an account at the agency",
    permissions: ['org:read', 'patient:read', 'claim:read', 'claim:submit', 'collections:read', 'collections:manage'],
  },
  'demo-seed:eligibility': {
    does: "The demo practice's eligibility checks (eligibility/seed-eligibility-demo.ts): builds a 270 for two demo coverages and imports the payer's 271 answer for each",
    permissions: ['org:read', 'patient:read', 'eligibility:check'],
  },
  'demo-seed:letters': {
    does: "The demo practice's letters (letters/seed-letters-demo.ts): saves the letter templates, writes two letters from the chart and a recall-reminder batch",
    permissions: ['org:read', 'patient:read', 'appointment:read', 'letter:write', 'letter:template'],
  },
  'demo-seed:campaigns': {
    does: "The demo practice's recall campaign (campaigns/seed-campaigns-demo.ts): records three patients' consent to email and text reminders, starts a campaign over the overdue recalls ten days ago, runs its stages as the job would, and records a booking and a refusal",
    permissions: [
      'org:read',
      'patient:read',
      'patient:write',
      'appointment:read',
      'appointment:write',
      'letter:write',
      'campaign:read',
      'campaign:respond',
      'campaign:manage',
    ],
  },
  'demo-seed:payables': {
    does: "The demo practice's payables (payables/seed-payables-demo.ts): adds vendors, enters their bills and pays some, as the office manager would",
    permissions: ['payables:read', 'payables:manage'],
  },
  'demo-seed:statements': {
    does: "The demo practice's statements (statements/seed-statements-demo.ts): a run five weeks ago and one today, as a biller would",
    permissions: ['statement:run', 'account:read'],
  },
  'demo-seed:deposits': {
    does: "The demo practice's takings (deposits/seed-deposits-demo.ts): posts cash, check and card payments over the last days, closes each past day at every location and deposits them; today stays open",
    permissions: ['org:read', 'patient:read', 'account:read', 'payment:post', 'day:read', 'day:close', 'deposit:create'],
  },
  'demo-seed:calls': {
    does: "The demo practice's call log (calls/seed-calls-demo.ts): reads the callers' numbers from their records and makes the task a refill request's follow-up became",
    permissions: ['patient:read', 'task:write'],
  },
  'ical-feed:on-call': {
    does: "A person's on-call calendar feed (rota/get-on-call-feed.ts): their on-call shifts' times and locations",
    permissions: ['rota:read'],
  },
  'time-off-cancel': {
    does: 'A member of staff calling off their own approved time off (rota/decide-time-off.ts): removes the availability exception the approval made for their provider, so their hours apply again',
    permissions: ['schedule:manage'],
  },
  'demo-seed:rota': {
    does: "The demo practice's rota (rota/seed-rota-demo.ts): a provider's approved time off becomes their availability exception, as a manager's approval does",
    permissions: ['schedule:manage', 'appointment:read'],
  },
  'ensure-admin': {
    does: 'CLINICDESK_ADMIN_EMAIL and CLINICDESK_ADMIN_PASSWORD at start-up (identity/ensure-admin.ts): creates that administrator',
    permissions: ['user:manage'],
  },
  'cli:import-patients': {
    does: '`clinicdesk import patients`: registers patients from a CSV file',
    permissions: ['patient:write'],
    restrictedRecords: true,
  },
  'cli:procedures': {
    does: '`clinicdesk procedures import|export`: the practice procedure list as CSV',
    permissions: ['org:read', 'procedure:manage'],
  },
  'cli:fee-schedules': {
    does: '`clinicdesk fee-schedules import|export`: the standard fee schedule and payer contracts as CSV',
    permissions: ['claim:read', 'fee-schedule:manage'],
  },
  'cli:adjustment-reasons': {
    does: '`clinicdesk adjustment-reasons import`: the adjustment reason texts (CARC, RARC, group codes) the office holds, from CSV',
    permissions: ['claim:read', 'claim:settings'],
  },
  'cli:claims': {
    does: "`clinicdesk claims batches` and `claims export-837`: lists 837P claim batches and writes one batch's X12 file",
    permissions: ['claim:read'],
  },
  'cli:remittances': {
    does: '`clinicdesk remittances import` and `acknowledgements import`: posts an 835 file, imports a 999 or 277CA file',
    permissions: ['claim:read', 'claim:submit'],
  },
  'cli:payables': {
    does: '`clinicdesk payables aging`: open vendor bills by days past due, per vendor and in total',
    permissions: ['payables:read'],
  },
  'cli:calls': {
    does: '`clinicdesk calls waiting`: how many calls wait for a call back or a follow-up, per person and per location (counts only)',
    permissions: ['call:read'],
  },
  'hiring:staff-profile': {
    does: "Onboarding a hire (hiring/create-onboarding-account.ts): fills the new account's staff profile (hire date, job title, home location, supervisor) in the transaction that makes the account, for a manager holding hiring:manage at the position's location",
    permissions: ['staff:manage'],
  },
  'cli:hiring': {
    does: '`clinicdesk hiring positions`: the open positions with their applicant counts per stage (no applicant names)',
    permissions: ['hiring:read'],
  },
  'cli:rota': {
    does: '`clinicdesk rota on-call` and `rota gaps`: who is on call now at each location, and where the rota falls short of its coverage rules',
    permissions: ['rota:read'],
  },
  'cli:campaigns': {
    does: '`clinicdesk campaigns list|report`: the recall campaigns and their reports (counts only)',
    permissions: ['campaign:read'],
  },
  'cli:sms': {
    does: '`clinicdesk sms inbox`: how many received texts wait for the desk (counts only)',
    permissions: ['patient:read'],
  },
  'cli:statements': {
    does: '`clinicdesk statements run`: a statement run for the guarantors owing at least a threshold',
    permissions: ['statement:run', 'account:read'],
  },
  'cli:letters': {
    does: '`clinicdesk letters`: lists the templates, writes a batch letter to a named audience and saves its PDF',
    permissions: ['org:read', 'patient:read', 'appointment:read', 'letter:write'],
  },
  'cli:user-create': { does: '`clinicdesk user create`: creates a staff account', permissions: ['user:manage'] },
  'cli:user-unlock': { does: '`clinicdesk user unlock`: clears the failed sign-ins that lock an account', permissions: ['user:manage'] },
  tests: {
    does: 'Tests calling use cases directly (tests/helpers/factories.ts): never used by the application (a unit test checks)',
    permissions: ALL.filter((p) => !CLINICAL.includes(p)),
    restrictedRecords: true,
  },
} satisfies Record<string, SystemPurposeDef>;
export type SystemPurpose = keyof typeof SYSTEM_PURPOSES;

/** Whether work for `purpose` reaches restricted records (SystemPurposeDef `restrictedRecords`). */
export function systemOpensRestricted(purpose: SystemPurpose): boolean {
  return (SYSTEM_PURPOSES[purpose] as SystemPurposeDef).restrictedRecords === true;
}

/** The permissions a system actor working for `purpose` holds. */
export function systemPermissions(purpose: SystemPurpose): ReadonlySet<Permission> {
  return new Set<Permission>(SYSTEM_PURPOSES[purpose].permissions);
}

export interface RoleAssignment {
  role: Role;
  /** null: at every location. */
  locationId: string | null;
}

/** A permission set no one can change at run time: `add`, `delete` and `clear` throw. */
class SealedPermissions extends Set<Permission> {
  constructor(permissions: Iterable<Permission>) {
    super();
    for (const p of permissions) super.add(p);
  }
  override add(_p: Permission): this {
    throw new TypeError('a shared permission set cannot be changed');
  }
  override delete(_p: Permission): boolean {
    throw new TypeError('a shared permission set cannot be changed');
  }
  override clear(): void {
    throw new TypeError('a shared permission set cannot be changed');
  }
}

/** permissionsAt's answers per roles list (a signed-in session's list, kept while its session is cached) and location. */
const permissionsMemo = new WeakMap<readonly RoleAssignment[], Map<string | null, ReadonlySet<Permission>>>();

/**
 * permissionsAt for a roles list that is never changed (a resolved session's): worked out once
 * per list and location, not on every request. The set is shared, so it is read-only.
 */
export function permissionsOf(roles: readonly RoleAssignment[], locationId: string | null): ReadonlySet<Permission> {
  let byLocation = permissionsMemo.get(roles);
  if (!byLocation) {
    byLocation = new Map();
    permissionsMemo.set(roles, byLocation);
  }
  let out = byLocation.get(locationId);
  if (!out) {
    // Shared by every request of the session: sealed, so a stray cast-and-add widens nothing.
    out = new SealedPermissions(permissionsAt(roles, locationId));
    byLocation.set(locationId, out);
  }
  return out;
}

/** Permissions granted by the roles that apply at `locationId` (roles without a location apply everywhere). */
export function permissionsAt(roles: readonly RoleAssignment[], locationId: string | null): Set<Permission> {
  const out = new Set<Permission>();
  for (const r of roles) {
    if (r.locationId !== null && locationId !== null && r.locationId !== locationId) continue;
    if (r.locationId !== null && locationId === null) continue;
    for (const p of ROLE_PERMISSIONS[r.role]) out.add(p);
  }
  return out;
}

/**
 * Whether an account holding `manager` may manage (create, re-invite, reset, unlock, deactivate,
 * change the roles of) an account holding `target`: the administrator manages every role; any
 * other role manages only roles whose permissions are all its own, never the administrator. So an
 * office manager manages front desk, billers and other office managers, but not an administrator,
 * nor clinicians and nurses (signing in as them would let it write clinical notes).
 */
export function managesRole(manager: Role, target: Role): boolean {
  if (manager === 'admin' || manager === target) return true;
  if (target === 'admin') return false;
  const own = ROLE_PERMISSIONS[manager];
  return ROLE_PERMISSIONS[target].every((p) => own.includes(p));
}

/** Markdown matrix for docs/PERMISSIONS.md. */
export function permissionMatrixMarkdown(): string {
  const head = `| permission | ${ROLES.join(' | ')} | meaning |\n|---|${ROLES.map(() => ':-:').join('|')}|---|\n`;
  const rows = ALL.map(
    (p) => `| \`${p}\` | ${ROLES.map((r) => (ROLE_PERMISSIONS[r].includes(p) ? '✔' : '')).join(' | ')} | ${PERMISSIONS[p]} |`,
  );
  const managers = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('user:manage'));
  const manageHead = `| account holding → | ${ROLES.join(' | ')} |\n|---|${ROLES.map(() => ':-:').join('|')}|\n`;
  const manageRows = managers.map((m) => `| managed by ${m} | ${ROLES.map((r) => (managesRole(m, r) ? '✔' : '')).join(' | ')} |`);
  const manage =
    '\n## Who manages whom\n\nWith `user:manage`, an account is managed (created, re-invited, MFA reset, unlocked, deactivated, roles changed) only by someone ' +
    'whose roles cover each of its roles: the administrator covers every role, any other role covers the roles whose permissions are all its own, ' +
    'never the administrator. A role limited to a location covers only that location, and acts only when that location is chosen (`x-location-id`). ' +
    'Nobody re-invites or resets the MFA of their own account.\n\n';
  const system =
    '\n## System actors\n\nWork done without a person (jobs, patient links, the calendar feed, the CLI, seeding) acts as the system for one ' +
    'organization, with a purpose that holds only the permissions its code path needs, and never a clinical one. The audit trail names it ' +
    '`system:<purpose>`. Only the purposes marked below reach restricted records; to the others such a record is not found, as it is to a stranger.\n\n' +
    '| purpose | permissions | restricted records | what it does |\n|---|---|:-:|---|\n' +
    Object.entries(SYSTEM_PURPOSES)
      .map(([purpose, p]) => {
        const held: readonly Permission[] = p.permissions;
        const missing = ALL.filter((x) => !held.includes(x));
        const list = (ps: readonly Permission[]) => ps.map((x) => `\`${x}\``).join(', ');
        const restricted = systemOpensRestricted(purpose as SystemPurpose) ? '✔' : '';
        return `| \`${purpose}\` | ${missing.length < held.length ? `all but ${list(missing)}` : list(held)} | ${restricted} | ${p.does} |`;
      })
      .join('\n');
  return `# Role × permission matrix\n\nGenerated from \`packages/domain/src/access/permissions.ts\` by \`clinicdesk docs permissions\`. Do not edit by hand.\n\n${head}${rows.join('\n')}\n${manage}${manageHead}${manageRows.join('\n')}\n${system}\n`;
}
