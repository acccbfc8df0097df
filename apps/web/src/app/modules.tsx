/**
 * The modules of the UI: each entry is both a nav item and a route.
 * To add a page: (1) import its component, (2) add one entry here, e.g.
 *   { path: '/patients', label: 'Patients', icon: IconUsers, permission: 'patient:read', element: <PatientsPage /> },
 * Entries under `children` form a nav group (Admin). The nav hides, and the route refuses,
 * what the user's permissions (GET /api/me, for the selected location) do not allow.
 */
import {
  IconBell,
  IconCalendar,
  IconCalendarCog,
  IconClipboardList,
  IconGauge,
  IconHistory,
  IconHourglass,
  IconLayoutKanban,
  IconMapPin,
  IconMessages,
  IconReceipt,
  IconSettings,
  IconUserCircle,
  IconUsers,
  IconUserShield,
} from '@tabler/icons-react';
import type { ComponentType, ReactElement } from 'react';
import type { Permission } from '../api/types.ts';
import { AuditPage } from '../features/admin/audit/AuditPage.tsx';
import { LocationsPage } from '../features/admin/locations/LocationsPage.tsx';
import { UsersPage } from '../features/admin/users/UsersPage.tsx';
import { AccountPage } from '../features/account/AccountPage.tsx';
import { RemindersPage } from '../features/comms/RemindersPage.tsx';
import { DashboardPage } from '../features/dashboard/DashboardPage.tsx';
import { FlowBoardPage } from '../features/flow/FlowBoardPage.tsx';
import { PatientsPage } from '../features/patients/PatientsPage.tsx';
import { SchedulePage } from '../features/schedule/SchedulePage.tsx';
import { ScheduleSetupPage } from '../features/schedule/ScheduleSetupPage.tsx';
import { WaitlistPage } from '../features/waitlist/WaitlistPage.tsx';
import { ComingSoonPage } from './pages/ComingSoonPage.tsx';

export interface ModuleEntry {
  path: string;
  label: string;
  icon: ComponentType<{ size?: number; stroke?: number }>;
  /** Needed to see the nav item and open the route; none: every signed-in user. */
  permission?: Permission;
  element: ReactElement;
}

export interface ModuleGroup {
  label: string;
  icon: ModuleEntry['icon'];
  children: ModuleEntry[];
}

const soon = (name: string) => <ComingSoonPage module={name} />;

export const modules: (ModuleEntry | ModuleGroup)[] = [
  { path: '/', label: 'Dashboard', icon: IconGauge, element: <DashboardPage /> },
  { path: '/patients', label: 'Patients', icon: IconUsers, permission: 'patient:read', element: <PatientsPage /> },
  { path: '/schedule', label: 'Schedule', icon: IconCalendar, permission: 'appointment:read', element: <SchedulePage /> },
  { path: '/waitlist', label: 'Waiting list', icon: IconHourglass, permission: 'appointment:read', element: <WaitlistPage /> },
  { path: '/flow', label: 'Flow board', icon: IconLayoutKanban, permission: 'appointment:read', element: <FlowBoardPage /> },
  { path: '/billing', label: 'Billing', icon: IconReceipt, permission: 'claim:read', element: soon('Billing') },
  { path: '/messages', label: 'Messages', icon: IconMessages, permission: 'patient:read', element: soon('Messages') },
  { path: '/office', label: 'Office', icon: IconClipboardList, permission: 'org:read', element: soon('Office') },
  { path: '/account', label: 'Account', icon: IconUserCircle, element: <AccountPage /> },
  {
    label: 'Admin',
    icon: IconSettings,
    children: [
      { path: '/admin/locations', label: 'Locations', icon: IconMapPin, permission: 'location:manage', element: <LocationsPage /> },
      { path: '/admin/users', label: 'Users', icon: IconUserShield, permission: 'user:read', element: <UsersPage /> },
      {
        path: '/schedule/setup',
        label: 'Schedule set-up',
        icon: IconCalendarCog,
        permission: 'schedule:manage',
        element: <ScheduleSetupPage />,
      },
      { path: '/admin/reminders', label: 'Reminders', icon: IconBell, permission: 'schedule:manage', element: <RemindersPage /> },
      { path: '/admin/audit', label: 'Audit', icon: IconHistory, permission: 'audit:read', element: <AuditPage /> },
    ],
  },
];

export const isGroup = (m: ModuleEntry | ModuleGroup): m is ModuleGroup => 'children' in m;

/** Every page, groups flattened. */
export const allPages: ModuleEntry[] = modules.flatMap((m) => (isGroup(m) ? m.children : [m]));
