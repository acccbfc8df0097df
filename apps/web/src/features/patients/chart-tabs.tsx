/**
 * The chart's tabs and header banners, in order: one entry per tab, each with the permission
 * that shows it. A feature adds its tab here (one entry) instead of editing PatientChart.tsx.
 * Panels mount only when their tab is open (keepMounted={false}): a tab's reads (and audit
 * rows) happen when someone looks at it.
 */
import type { ReactNode } from 'react';
import type { Permission } from '../../api/types.ts';
import { AccountBanner } from '../accounts/AccountBanner.tsx';
import { AccountTab } from '../accounts/AccountTab.tsx';
import { PatientCallsTab } from '../calls/PatientCallsTab.tsx';
import { AllergiesTab } from '../clinical/AllergiesTab.tsx';
import { AllergyBanner } from '../clinical/AllergyBanner.tsx';
import { MedicationsTab } from '../clinical/MedicationsTab.tsx';
import { ProblemsTab } from '../clinical/ProblemsTab.tsx';
import { PatientMessagesTab } from '../comms/PatientMessagesTab.tsx';
import { PatientEncountersTab } from '../encounters/PatientEncountersTab.tsx';
import { PatientStaffMessagesTab } from '../inbox/PatientStaffMessagesTab.tsx';
import { PatientLettersTab } from '../letters/PatientLettersTab.tsx';
import { PatientVisitsTab } from '../schedule/PatientVisitsTab.tsx';
import { DemographicsTab } from './DemographicsTab.tsx';
import { DocumentsTab } from './DocumentsTab.tsx';
import { InsuranceTab } from './InsuranceTab.tsx';
import type { Patient } from './patients-api.ts';
import { PrivacyTab } from './PrivacyTab.tsx';

export interface ChartTab {
  /** The tab's value (stable: tests and links name it). */
  value: string;
  label: string;
  /** Shown only to users holding it (undefined: everyone who may open the chart). */
  permission?: Permission;
  panel: (patient: Patient) => ReactNode;
}

export const CHART_TABS: readonly ChartTab[] = [
  { value: 'demographics', label: 'Demographics', panel: (p) => <DemographicsTab patient={p} /> },
  { value: 'visits', label: 'Visits', permission: 'appointment:read', panel: (p) => <PatientVisitsTab patientId={p.id} /> },
  { value: 'encounters', label: 'Encounters', permission: 'note:read', panel: (p) => <PatientEncountersTab patientId={p.id} /> },
  { value: 'problems', label: 'Problems', permission: 'note:read', panel: (p) => <ProblemsTab patientId={p.id} /> },
  { value: 'allergies', label: 'Allergies', permission: 'note:read', panel: (p) => <AllergiesTab patientId={p.id} /> },
  { value: 'medications', label: 'Medications', permission: 'note:read', panel: (p) => <MedicationsTab patientId={p.id} /> },
  { value: 'insurance', label: 'Insurance', panel: (p) => <InsuranceTab patientId={p.id} /> },
  { value: 'account', label: 'Account', permission: 'account:read', panel: (p) => <AccountTab patientId={p.id} /> },
  { value: 'documents', label: 'Documents', panel: (p) => <DocumentsTab patientId={p.id} /> },
  { value: 'messages', label: 'Messages', panel: (p) => <PatientMessagesTab patient={p} /> },
  { value: 'calls', label: 'Calls', permission: 'call:read', panel: (p) => <PatientCallsTab patientId={p.id} /> },
  { value: 'letters', label: 'Letters', permission: 'letter:write', panel: (p) => <PatientLettersTab patientId={p.id} /> },
  {
    value: 'staff-messages',
    label: 'Staff messages',
    permission: 'message:staff',
    panel: (p) => <PatientStaffMessagesTab patientId={p.id} />,
  },
  { value: 'privacy', label: 'Privacy', panel: (p) => <PrivacyTab patient={p} /> },
];

export interface ChartBanner {
  key: string;
  permission?: Permission;
  banner: (patient: Patient) => ReactNode;
}

/** Lines under the chart header's name (allergies...), each for the users holding its permission. */
export const CHART_BANNERS: readonly ChartBanner[] = [
  { key: 'allergies', permission: 'note:read', banner: (p) => <AllergyBanner patientId={p.id} /> },
  { key: 'account', permission: 'account:read', banner: (p) => <AccountBanner patientId={p.id} /> },
];
