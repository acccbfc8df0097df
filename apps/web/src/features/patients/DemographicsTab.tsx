/** The demographics tab: the record, and (with patient:write) an edit form opened on a fresh read and its ETag. */
import { Alert, Button, Group, SimpleGrid, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useCan } from '../auth/use-me.ts';
import { flowKeys } from '../flow/query-keys.ts';
import { scheduleKeys } from '../schedule/query-keys.ts';
import { waitlistKeys } from '../waitlist/query-keys.ts';
import { DemographicsForm } from './DemographicsForm.tsx';
import { fullName, type Patient, patientQuery, readPatient } from './patients-api.ts';
import { toUsDate } from './us-date.ts';
import { patientKeys } from './query-keys.ts';
import { displayPhone } from '../../app/format-phone.ts';

/** Where a patient's name and details show besides the record: searches, the calendar, the flow board, the waiting list. */
const SHOWN_ELSEWHERE = [patientKeys.searches(), scheduleKeys.appointmentLists(), flowKeys.boards(), waitlistKeys.entryLists()];

function Field(props: { label: string; value: string | null | undefined }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
      <Text size="sm">{props.value || '—'}</Text>
    </div>
  );
}

/** The guarantor by name: the patient themself, another patient of the practice, or another person. */
function useGuarantorName(p: Patient): string {
  const g = p.guarantor;
  const other = useQuery({ ...patientQuery(g.kind === 'patient' ? g.patientId : ''), enabled: g.kind === 'patient' });
  if (g.kind === 'person') return `${g.givenName} ${g.familyName}${g.relationship ? ` (${g.relationship})` : ''}`;
  if (g.kind === 'patient') return other.data ? `${fullName(other.data)} (a patient here)` : 'another patient';
  return 'the patient';
}

function Demographics({ p }: { p: Patient }) {
  const a = p.address;
  const guarantor = useGuarantorName(p);
  return (
    <SimpleGrid cols={3} mt="md" data-testid="demographics">
      <Field label="Sex at birth" value={p.sex} />
      <Field label="Gender identity" value={p.genderIdentity} />
      <Field label="Pronouns" value={p.pronouns} />
      <Field label="Preferred language" value={`${p.preferredLanguage ?? '—'}${p.interpreterNeeded ? ' (interpreter)' : ''}`} />
      <Field label="Phones" value={p.phones.map((x) => `${x.type}: ${displayPhone(x.number)}`).join(', ')} />
      <Field label="Email" value={p.email} />
      <Field label="Address" value={a ? `${a.line1}${a.line2 ? `, ${a.line2}` : ''}, ${a.city}, ${a.state} ${a.postalCode}` : null} />
      <Field label="Preferred contact" value={p.preferredContactMethod} />
      <Field
        label="Reminders"
        value={[p.consentSmsReminders && 'SMS', p.consentEmailReminders && 'email'].filter(Boolean).join(', ') || 'none'}
      />
      <Field label="Guarantor" value={guarantor} />
      <Field label="Emergency contacts" value={p.emergencyContacts.map((c) => `${c.name} ${displayPhone(c.phone)}`).join('; ')} />
      <Field label="Status" value={p.status === 'deceased' ? `deceased ${toUsDate(p.deceasedDate)}` : p.status} />
    </SimpleGrid>
  );
}

export function DemographicsTab({ patient }: { patient: Patient }) {
  const can = useCan();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<{ patient: Patient; etag: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const show = (p: Patient) => {
    qc.setQueryData(patientKeys.detail(p.id), p);
    for (const queryKey of SHOWN_ELSEWHERE) void qc.invalidateQueries({ queryKey });
    setEditing(null);
  };
  const edit = async () => {
    setError(null);
    try {
      const fresh = await readPatient(patient.id);
      qc.setQueryData(patientKeys.detail(patient.id), fresh.patient);
      setEditing(fresh);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  if (editing) {
    return (
      <DemographicsForm patient={editing.patient} etag={editing.etag} onSaved={show} onDiscard={show} onCancel={() => setEditing(null)} />
    );
  }
  const editable = can('patient:write') && !patient.mergedIntoId;
  return (
    <>
      {error && <Alert color="red">{error}</Alert>}
      {editable && (
        <Group justify="flex-end" mt="md">
          <Button size="xs" variant="light" onClick={() => void edit()}>
            Edit demographics
          </Button>
        </Group>
      )}
      <Demographics p={patient} />
    </>
  );
}
