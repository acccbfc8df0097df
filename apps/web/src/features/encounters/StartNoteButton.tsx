/**
 * One click from a visit (flow board, calendar) or the chart to its note: creates the encounter
 * and opens it; when the visit already has one (409 ALREADY_EXISTS with its id), opens that one.
 */
import { Button, type ButtonProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import { useSubmit } from '../../api/use-submit.ts';
import { createEncounter } from './encounters-api.ts';
import { encounterKeys } from './query-keys.ts';

/** The visits a note is started from: roomed and later (a visit not yet roomed has no note). */
export const NOTE_VISIT_STATUSES: readonly string[] = ['roomed', 'with_provider', 'checked_out'];

export interface StartNoteTarget {
  patientId: string;
  providerId: string;
  locationId: string;
  appointmentId?: string;
}

export function StartNoteButton(
  props: StartNoteTarget & { label?: string; ariaLabel?: string; size?: ButtonProps['size']; variant?: ButtonProps['variant'] },
) {
  const navigate = useNavigate();
  const open = (id: string) => navigate(`/encounters/${encodeURIComponent(id)}`);
  const { submit, busy } = useSubmit(
    () =>
      createEncounter({
        patientId: props.patientId,
        providerId: props.providerId,
        locationId: props.locationId,
        ...(props.appointmentId ? { appointmentId: props.appointmentId } : {}),
      }),
    {
      invalidate: [encounterKeys.lists(), encounterKeys.patientTimeline(props.patientId)],
      onSuccess: (e) => open(e.id),
      onProblem: (problem) => {
        const existing = (problem as { encounterId?: unknown }).encounterId;
        if (problem.status === 409 && typeof existing === 'string') {
          open(existing);
          return null;
        }
        notifications.show({ color: 'red', message: problem.detail || problem.title });
        return null;
      },
    },
  );
  return (
    <Button
      size={props.size ?? 'compact-sm'}
      variant={props.variant ?? 'light'}
      loading={busy}
      onClick={() => void submit()}
      aria-label={props.ariaLabel}
      data-testid="start-note"
    >
      {props.label ?? 'Start note'}
    </Button>
  );
}
