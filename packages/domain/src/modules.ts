/**
 * The modules, once, in dependency order. The server (jobs, periodic work), the demo
 * seeding, event reactions, patient links, patient merges and the boundary check
 * (scripts/check-boundaries.js reads each module's `tables`) all read this list.
 * A new module: write its `module.ts` (module-manifest.ts says what it may declare) and
 * add it here. Modules read this list only lazily (`await import('../modules.ts')`), so
 * it can import every module without cycles.
 */
import { accessModule } from './access/module.ts';
import { accountsModule } from './accounts/module.ts';
import { auditModule } from './audit/module.ts';
import { billingModule } from './billing/module.ts';
import { claimsModule } from './claims/module.ts';
import { eligibilityModule } from './eligibility/module.ts';
import { callsModule } from './calls/module.ts';
import { campaignsModule } from './campaigns/module.ts';
import { clinicalModule } from './clinical/module.ts';
import { codesModule } from './codes/module.ts';
import { collectionsModule } from './collections/module.ts';
import type { LinkAction } from './comms/index.ts';
import { commsModule } from './comms/module.ts';
import { complaintsModule } from './complaints/module.ts';
import { complianceModule } from './compliance/module.ts';
import { credentialsModule } from './credentials/module.ts';
import { equipmentModule } from './equipment/module.ts';
import { trainingModule } from './training/module.ts';
import type { DemoSeeder } from './demo/index.ts';
import { depositsModule } from './deposits/module.ts';
import { documentsModule } from './documents/module.ts';
import { encountersModule } from './encounters/module.ts';
import { followupsModule } from './followups/module.ts';
import { identityModule } from './identity/module.ts';
import { insuranceModule } from './insurance/module.ts';
import type { JobHandler } from './jobs/index.ts';
import { jobsModule } from './jobs/module.ts';
import { ledgerModule } from './ledger/module.ts';
import { lettersModule } from './letters/module.ts';
import { inboxModule } from './inbox/module.ts';
import type { MergePolicy, ModuleManifest, PeriodicDeps } from './module-manifest.ts';
import { organizationsModule } from './organizations/module.ts';
import { patientsModule } from './patients/module.ts';
import { payablesModule } from './payables/module.ts';
import { reportsModule } from './reports/module.ts';
import { schedulingModule } from './scheduling/module.ts';
import { statementsModule } from './statements/module.ts';
import { tasksModule } from './tasks/module.ts';
import { staffModule } from './staff/module.ts';
import { rotaModule } from './rota/module.ts';
import { dashboardModule } from './dashboard/module.ts';
import { type DeclaredAuditEvent, declaredAuditEvents } from './shared/audit-events.ts';
import type { Reaction } from './shared/events.ts';
import type { PeriodicTask } from './shared/periodic-task.ts';
import { waitlistModule } from './waitlist/module.ts';
import { hiringModule } from './hiring/module.ts';

export const MODULES: readonly ModuleManifest[] = [
  organizationsModule,
  identityModule,
  accessModule,
  auditModule,
  jobsModule,
  complianceModule,
  patientsModule,
  insuranceModule,
  codesModule,
  documentsModule,
  schedulingModule,
  commsModule,
  waitlistModule,
  // Before encounters: its demo fee schedule prices the charges the demo's signed encounters create.
  billingModule,
  encountersModule,
  clinicalModule,
  followupsModule,
  // After billing and encounters: its demo bills the demo's signed encounters' charges.
  claimsModule,
  // Before accounts: a payment asks it whether its day is open.
  depositsModule,
  accountsModule,
  payablesModule,
  // After billing, claims, accounts and payables: it posts their financial events.
  ledgerModule,
  // After the ledger: statements read its balances.
  statementsModule,
  // After the ledger and accounts: its reports read their books.
  reportsModule,
  // After statements (statement.issued) and accounts (payment.posted), which it reacts to.
  collectionsModule,
  eligibilityModule,
  // Before calls: a call's follow-up becomes a task.
  tasksModule,
  callsModule,
  complaintsModule,
  // After patients, scheduling, follow-ups and the ledger, whose public functions fill its merge fields.
  lettersModule,
  // After clinical, whose medications name the prescriber a refill request goes to.
  inboxModule,
  // After patients, comms, follow-ups and letters, whose public functions its stages use (and after letters' demo templates).
  campaignsModule,
  staffModule,
  // After staff (home locations) and scheduling (a provider's time off is its availability exception).
  rotaModule,
  // Staff operations: after scheduling (they answer its appointment.booking) and identity (user.created).
  credentialsModule,
  trainingModule,
  equipmentModule,
  // After identity (its account), staff (profiles) and training (the onboarding set), whose public functions an onboarding uses.
  hiringModule,
  // Last: it reads every other module's figures.
  dashboardModule,
];

export type ModuleName = (typeof MODULES)[number]['name'];

function once<T>(build: () => T): () => T {
  let value: T | undefined;
  let built = false;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value as T;
  };
}

function uniqueBy<T>(what: string, entries: [string, T, string][]): Map<string, T> {
  const out = new Map<string, T>();
  const owner = new Map<string, string>();
  for (const [key, value, module] of entries) {
    if (out.has(key)) throw new Error(`${what} ${key} is declared by both ${owner.get(key)} and ${module}`);
    out.set(key, value);
    owner.set(key, module);
  }
  return out;
}

/** Job handlers of every module by queue name (a queue belongs to one module). */
export const jobHandlers = once(
  (): Record<string, JobHandler> =>
    Object.fromEntries(
      uniqueBy(
        'job queue',
        MODULES.flatMap((m) => Object.entries(m.jobs ?? {}).map(([q, h]): [string, JobHandler, string] => [q, h, m.name])),
      ),
    ),
);

/** The periodic work of every module, for the process that runs background work. */
export function periodicTasks(deps: PeriodicDeps): PeriodicTask[] {
  return MODULES.flatMap((m) => m.periodic?.(deps) ?? []);
}

const reactionIndex = once(() => {
  const byEvent = new Map<string, Reaction[]>();
  for (const m of MODULES) for (const r of m.reactions ?? []) byEvent.set(r.event, [...(byEvent.get(r.event) ?? []), r]);
  return byEvent;
});

/** The reactions to an event, in module order. */
export function reactionsTo(event: string): readonly Reaction[] {
  return reactionIndex().get(event) ?? [];
}

/** What each patient-link purpose does (one module per purpose). */
export const linkActions = once(() =>
  uniqueBy(
    'link purpose',
    MODULES.flatMap((m) => (m.linkActions ?? []).map((a): [string, LinkAction, string] => [a.purpose, a, m.name])),
  ),
);

/** Demo data seeders, in module order, with the module that owns each. */
export function demoSeeders(): { module: string; seed: DemoSeeder }[] {
  return MODULES.flatMap((m) => (m.demo ? [{ module: m.name, seed: m.demo }] : []));
}

/** Merge policies of every column that points at patients.id ("table.column"). */
export const mergePolicies = once(() =>
  uniqueBy(
    'merge policy for',
    MODULES.flatMap((m) => Object.entries(m.merge ?? {}).map(([k, p]): [string, MergePolicy, string] => [k, p, m.name])),
  ),
);

/** Which module owns each table. */
export const tableOwners = once(() =>
  uniqueBy(
    'table',
    MODULES.flatMap((m) => m.tables.map((t): [string, string, string] => [t, m.name, m.name])),
  ),
);

/** The audit catalogue: every declared audit event by `${action}:${resourceType}` (one module per event). */
export const auditCatalogue = once(() =>
  uniqueBy(
    'audit event',
    MODULES.flatMap((m) => declaredAuditEvents(m.name, m.audit ?? {}).map((e): [string, DeclaredAuditEvent, string] => [e.key, e, m.name])),
  ),
);
