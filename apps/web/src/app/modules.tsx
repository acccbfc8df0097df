/**
 * The modules of the UI: each entry is both a nav item and a route.
 * To add a page: (1) declare it with `lazyPage` below, (2) add one entry here, e.g.
 *   { path: '/patients', label: 'Patients', icon: IconUsers, permission: 'patient:read', element: <Page of={PatientsPage} /> },
 * Pages load on first visit (one chunk per feature), so a broken feature cannot stop the
 * login page or the shell from loading, and the first load stays small.
 * Entries under `children` form a nav group (Admin). The nav hides, and the route refuses,
 * what the user's permissions (GET /api/me, for the selected location) do not allow.
 */
import {
  IconAddressBook,
  IconBriefcase,
  IconBeach,
  IconCalendarTime,
  IconFirstAidKit,
  IconTransfer,
  IconUsersGroup,
  IconBell,
  IconFolders,
  IconBuildingStore,
  IconCalendar,
  IconCalendarCog,
  IconCalendarRepeat,
  IconChartBar,
  IconCash,
  IconCertificate,
  IconClipboardList,
  IconCoin,
  IconFileInvoice,
  IconFileText,
  IconArrowsExchange,
  IconFileImport,
  IconFileX,
  IconGauge,
  IconHistory,
  IconHourglass,
  IconLayoutKanban,
  IconListDetails,
  IconMail,
  IconMailDollar,
  IconMessageCircle,
  IconMapPin,
  IconMessage2,
  IconNotes,
  IconPhoneCall,
  IconPhoneIncoming,
  IconChecklist,
  IconMoodSad,
  IconSpeakerphone,
  IconReceipt,
  IconReportMoney,
  IconSchool,
  IconSettings,
  IconTemplate,
  IconTool,
  IconUserCircle,
  IconUsers,
  IconUserShield,
} from '@tabler/icons-react';
import { Center, Loader } from '@mantine/core';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactElement, Suspense } from 'react';
import type { Permission } from '../api/types.ts';
import { UnreadBadge } from '../features/inbox/UnreadBadge.tsx';

/** A page component loaded on first use (its own chunk). */
function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): LazyExoticComponent<ComponentType> {
  return lazy(() => load().then((m) => ({ default: m[name] as ComponentType })));
}

/** Renders a lazy page with a spinner while its chunk arrives. */
function Page({ of: Component }: { of: LazyExoticComponent<ComponentType> }) {
  return (
    <Suspense
      fallback={
        <Center p="xl">
          <Loader aria-label="Loading page" />
        </Center>
      }
    >
      <Component />
    </Suspense>
  );
}

const AuditPage = lazyPage(() => import('../features/admin/audit/AuditPage.tsx'), 'AuditPage');
const LocationsPage = lazyPage(() => import('../features/admin/locations/LocationsPage.tsx'), 'LocationsPage');
const PayersPage = lazyPage(() => import('../features/admin/payers/PayersPage.tsx'), 'PayersPage');
const ProceduresPage = lazyPage(() => import('../features/codes/ProceduresPage.tsx'), 'ProceduresPage');
const UsersPage = lazyPage(() => import('../features/admin/users/UsersPage.tsx'), 'UsersPage');
const AccountPage = lazyPage(() => import('../features/account/AccountPage.tsx'), 'AccountPage');
const RemindersPage = lazyPage(() => import('../features/comms/RemindersPage.tsx'), 'RemindersPage');
const TextsInboxPage = lazyPage(() => import('../features/comms/TextsInboxPage.tsx'), 'TextsInboxPage');
const DashboardPage = lazyPage(() => import('../features/dashboard/DashboardPage.tsx'), 'DashboardPage');
const OfficeDashboardPage = lazyPage(() => import('../features/dashboard/OfficeDashboardPage.tsx'), 'OfficeDashboardPage');
const FlowBoardPage = lazyPage(() => import('../features/flow/FlowBoardPage.tsx'), 'FlowBoardPage');
const PatientsPage = lazyPage(() => import('../features/patients/PatientsPage.tsx'), 'PatientsPage');
const SchedulePage = lazyPage(() => import('../features/schedule/SchedulePage.tsx'), 'SchedulePage');
const ScheduleSetupPage = lazyPage(() => import('../features/schedule/ScheduleSetupPage.tsx'), 'ScheduleSetupPage');
const WaitlistPage = lazyPage(() => import('../features/waitlist/WaitlistPage.tsx'), 'WaitlistPage');
const EncounterPage = lazyPage(() => import('../features/encounters/EncounterPage.tsx'), 'EncounterPage');
const NoteTemplatesPage = lazyPage(() => import('../features/encounters/NoteTemplatesPage.tsx'), 'NoteTemplatesPage');
const FollowUpsPage = lazyPage(() => import('../features/followups/FollowUpsPage.tsx'), 'FollowUpsPage');
const RecallsPage = lazyPage(() => import('../features/followups/RecallsPage.tsx'), 'RecallsPage');
const ChargeReviewPage = lazyPage(() => import('../features/billing/ChargeReviewPage.tsx'), 'ChargeReviewPage');
const AdjustmentReasonsPage = lazyPage(() => import('../features/claims/AdjustmentReasonsPage.tsx'), 'AdjustmentReasonsPage');
const DailyClosePage = lazyPage(() => import('../features/deposits/DailyClosePage.tsx'), 'DailyClosePage');
const FeeSchedulesPage = lazyPage(() => import('../features/billing/FeeSchedulesPage.tsx'), 'FeeSchedulesPage');
const ClaimsPage = lazyPage(() => import('../features/claims/ClaimsPage.tsx'), 'ClaimsPage');
const ClaimDetailPage = lazyPage(() => import('../features/claims/ClaimDetailPage.tsx'), 'ClaimDetailPage');
const DenialsPage = lazyPage(() => import('../features/claims/DenialsPage.tsx'), 'DenialsPage');
const EraImportPage = lazyPage(() => import('../features/claims/EraImportPage.tsx'), 'EraImportPage');
const PayablesPage = lazyPage(() => import('../features/payables/PayablesPage.tsx'), 'PayablesPage');
const StatementsPage = lazyPage(() => import('../features/statements/StatementsPage.tsx'), 'StatementsPage');
const FinanceReportsPage = lazyPage(() => import('../features/reports/FinanceReportsPage.tsx'), 'FinanceReportsPage');
const CollectionsPage = lazyPage(() => import('../features/collections/CollectionsPage.tsx'), 'CollectionsPage');
const CallsPage = lazyPage(() => import('../features/calls/CallsPage.tsx'), 'CallsPage');
const TasksPage = lazyPage(() => import('../features/tasks/TasksPage.tsx'), 'TasksPage');
const ProjectsPage = lazyPage(() => import('../features/tasks/ProjectsPage.tsx'), 'ProjectsPage');
const ComplaintsPage = lazyPage(() => import('../features/complaints/ComplaintsPage.tsx'), 'ComplaintsPage');
const StaffDirectoryPage = lazyPage(() => import('../features/staff/StaffDirectoryPage.tsx'), 'StaffDirectoryPage');
const RotaPage = lazyPage(() => import('../features/staff/RotaPage.tsx'), 'RotaPage');
const TimeOffPage = lazyPage(() => import('../features/staff/TimeOffPage.tsx'), 'TimeOffPage');
const OnCallPage = lazyPage(() => import('../features/staff/OnCallPage.tsx'), 'OnCallPage');
const HandoverPage = lazyPage(() => import('../features/staff/HandoverPage.tsx'), 'HandoverPage');
const CredentialsPage = lazyPage(() => import('../features/credentials/CredentialsPage.tsx'), 'CredentialsPage');
const HiringPage = lazyPage(() => import('../features/hiring/HiringPage.tsx'), 'HiringPage');
const TrainingPage = lazyPage(() => import('../features/training/TrainingPage.tsx'), 'TrainingPage');
const EquipmentPage = lazyPage(() => import('../features/equipment/EquipmentPage.tsx'), 'EquipmentPage');
const CampaignsPage = lazyPage(() => import('../features/campaigns/CampaignsPage.tsx'), 'CampaignsPage');
const LettersPage = lazyPage(() => import('../features/letters/LettersPage.tsx'), 'LettersPage');
const StaffInboxPage = lazyPage(() => import('../features/inbox/StaffInboxPage.tsx'), 'StaffInboxPage');
const ReconciliationPage = lazyPage(() => import('../features/claims/ReconciliationPage.tsx'), 'ReconciliationPage');

export interface ModuleEntry {
  path: string;
  label: string;
  icon: ComponentType<{ size?: number; stroke?: number }>;
  /** Needed to see the nav item and open the route; none: every signed-in user. */
  permission?: Permission;
  element: ReactElement;
  /** A route with no nav item (a page opened from elsewhere, e.g. /encounters/:id). */
  hidden?: boolean;
  /** Shown at the right of the nav item (a count of unread messages). */
  badge?: ComponentType;
}

export interface ModuleGroup {
  label: string;
  icon: ModuleEntry['icon'];
  children: ModuleEntry[];
}

export const modules: (ModuleEntry | ModuleGroup)[] = [
  { path: '/', label: 'Dashboard', icon: IconGauge, element: <Page of={DashboardPage} /> },
  { path: '/patients', label: 'Patients', icon: IconUsers, permission: 'patient:read', element: <Page of={PatientsPage} /> },
  { path: '/schedule', label: 'Schedule', icon: IconCalendar, permission: 'appointment:read', element: <Page of={SchedulePage} /> },
  { path: '/waitlist', label: 'Waiting list', icon: IconHourglass, permission: 'appointment:read', element: <Page of={WaitlistPage} /> },
  {
    path: '/follow-ups',
    label: 'Follow-ups',
    icon: IconCalendarRepeat,
    permission: 'appointment:read',
    element: <Page of={FollowUpsPage} />,
  },
  { path: '/recalls', label: 'Recalls', icon: IconPhoneCall, permission: 'appointment:read', element: <Page of={RecallsPage} /> },
  { path: '/calls', label: 'Calls', icon: IconPhoneIncoming, permission: 'call:read', element: <Page of={CallsPage} /> },
  { path: '/tasks', label: 'Tasks', icon: IconChecklist, permission: 'task:read', element: <Page of={TasksPage} /> },
  { path: '/projects', label: 'Projects', icon: IconFolders, permission: 'task:read', element: <Page of={ProjectsPage} /> },
  { path: '/flow', label: 'Flow board', icon: IconLayoutKanban, permission: 'appointment:read', element: <Page of={FlowBoardPage} /> },
  {
    path: '/billing/charges',
    label: 'Charge review',
    icon: IconReceipt,
    permission: 'claim:read',
    element: <Page of={ChargeReviewPage} />,
  },
  { path: '/billing/claims', label: 'Claims', icon: IconFileInvoice, permission: 'claim:read', element: <Page of={ClaimsPage} /> },
  { path: '/billing/denials', label: 'Denials', icon: IconFileX, permission: 'claim:read', element: <Page of={DenialsPage} /> },
  { path: '/billing/era', label: 'ERA import', icon: IconFileImport, permission: 'claim:submit', element: <Page of={EraImportPage} /> },
  {
    path: '/billing/reconciliation',
    label: 'Reconciliation',
    icon: IconArrowsExchange,
    permission: 'claim:submit',
    element: <Page of={ReconciliationPage} />,
  },
  {
    path: '/billing/statements',
    label: 'Statements',
    icon: IconMailDollar,
    permission: 'account:read',
    element: <Page of={StatementsPage} />,
  },
  {
    path: '/reports/finance',
    label: 'Finance reports',
    icon: IconChartBar,
    permission: 'report:finance',
    element: <Page of={FinanceReportsPage} />,
  },
  {
    path: '/billing/collections',
    label: 'Collections',
    icon: IconCoin,
    permission: 'collections:read',
    element: <Page of={CollectionsPage} />,
  },
  {
    path: '/billing/claims/:id',
    label: 'Claim',
    icon: IconFileInvoice,
    permission: 'claim:read',
    hidden: true,
    element: <Page of={ClaimDetailPage} />,
  },
  { path: '/payables', label: 'Payables', icon: IconBuildingStore, permission: 'payables:read', element: <Page of={PayablesPage} /> },
  { path: '/complaints', label: 'Complaints', icon: IconMoodSad, permission: 'complaint:manage', element: <Page of={ComplaintsPage} /> },
  {
    path: '/campaigns',
    label: 'Recall campaigns',
    icon: IconSpeakerphone,
    permission: 'campaign:read',
    element: <Page of={CampaignsPage} />,
  },
  { path: '/daily-close', label: 'Daily close', icon: IconCash, permission: 'day:read', element: <Page of={DailyClosePage} /> },
  {
    path: '/staff-messages',
    label: 'Staff messages',
    icon: IconMessageCircle,
    permission: 'message:staff',
    badge: UnreadBadge,
    element: <Page of={StaffInboxPage} />,
  },
  { path: '/letters', label: 'Letters', icon: IconMail, permission: 'letter:write', element: <Page of={LettersPage} /> },
  { path: '/texts', label: 'Texts', icon: IconMessage2, permission: 'patient:read', element: <Page of={TextsInboxPage} /> },
  {
    path: '/office',
    label: 'Office dashboard',
    icon: IconClipboardList,
    permission: 'report:read',
    element: <Page of={OfficeDashboardPage} />,
  },
  { path: '/equipment', label: 'Equipment', icon: IconTool, permission: 'equipment:read', element: <Page of={EquipmentPage} /> },
  { path: '/training', label: 'Training', icon: IconSchool, permission: 'training:read', element: <Page of={TrainingPage} /> },
  {
    path: '/credentials',
    label: 'Credentials',
    icon: IconCertificate,
    permission: 'credential:read',
    element: <Page of={CredentialsPage} />,
  },
  {
    path: '/encounters/:id',
    label: 'Visit note',
    icon: IconNotes,
    permission: 'note:read',
    hidden: true,
    element: <Page of={EncounterPage} />,
  },
  {
    label: 'Staff',
    icon: IconUsersGroup,
    children: [
      { path: '/staff', label: 'Directory', icon: IconAddressBook, permission: 'staff:read', element: <Page of={StaffDirectoryPage} /> },
      { path: '/rota', label: 'Rota', icon: IconCalendarTime, permission: 'rota:read', element: <Page of={RotaPage} /> },
      { path: '/time-off', label: 'Time off', icon: IconBeach, permission: 'timeoff:request', element: <Page of={TimeOffPage} /> },
      { path: '/on-call', label: 'On call', icon: IconFirstAidKit, permission: 'rota:read', element: <Page of={OnCallPage} /> },
      { path: '/handover', label: 'Handover', icon: IconTransfer, permission: 'rota:read', element: <Page of={HandoverPage} /> },
      { path: '/hiring', label: 'Hiring', icon: IconBriefcase, permission: 'hiring:read', element: <Page of={HiringPage} /> },
    ],
  },
  { path: '/account', label: 'Account', icon: IconUserCircle, element: <Page of={AccountPage} /> },
  {
    label: 'Admin',
    icon: IconSettings,
    children: [
      {
        path: '/admin/locations',
        label: 'Locations',
        icon: IconMapPin,
        permission: 'location:manage',
        element: <Page of={LocationsPage} />,
      },
      { path: '/admin/users', label: 'Users', icon: IconUserShield, permission: 'user:read', element: <Page of={UsersPage} /> },
      {
        path: '/schedule/setup',
        label: 'Schedule set-up',
        icon: IconCalendarCog,
        permission: 'schedule:manage',
        element: <Page of={ScheduleSetupPage} />,
      },
      { path: '/admin/payers', label: 'Payers', icon: IconReceipt, permission: 'payer:manage', element: <Page of={PayersPage} /> },
      {
        path: '/admin/procedures',
        label: 'Procedures',
        icon: IconListDetails,
        permission: 'procedure:manage',
        element: <Page of={ProceduresPage} />,
      },
      {
        path: '/admin/fee-schedules',
        label: 'Fee schedules',
        icon: IconReportMoney,
        permission: 'claim:read',
        element: <Page of={FeeSchedulesPage} />,
      },
      {
        path: '/admin/adjustment-reasons',
        label: 'Adjustment reason codes',
        icon: IconFileText,
        permission: 'claim:read',
        element: <Page of={AdjustmentReasonsPage} />,
      },
      { path: '/admin/reminders', label: 'Reminders', icon: IconBell, permission: 'schedule:manage', element: <Page of={RemindersPage} /> },
      {
        path: '/admin/note-templates',
        label: 'Note templates',
        icon: IconTemplate,
        permission: 'template:manage',
        element: <Page of={NoteTemplatesPage} />,
      },
      { path: '/admin/audit', label: 'Audit', icon: IconHistory, permission: 'audit:read', element: <Page of={AuditPage} /> },
    ],
  },
];

export const isGroup = (m: ModuleEntry | ModuleGroup): m is ModuleGroup => 'children' in m;

/** Every page, groups flattened. */
export const allPages: ModuleEntry[] = modules.flatMap((m) => (isGroup(m) ? m.children : [m]));
