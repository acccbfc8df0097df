/**
 * Shown on a chart that answered 404 to a user holding break_glass: the server answers a
 * restricted record and a missing one alike, so the UI offers the emergency path without
 * claiming the record exists. The grant (reason, at most 60 minutes) is audited and reviewed.
 * Renewing one's own unreviewed grant for the record within 24 hours needs a stated renewal and
 * a longer reason (409 BREAK_GLASS_RENEWAL_UNREVIEWED, docs/AUDIT.md): the prompt then asks for both.
 */
import { Alert, Button, Checkbox, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { auditKeys } from '../admin/audit/query-keys.ts';
import { patientKeys } from './query-keys.ts';

const MIN_REASON = 10;
/** The server says how long a renewal reason must be (`minReasonLength`); this is its documented value. */
const MIN_RENEWAL_REASON = 40;

/** Once the grant is made, everything about the record is read again (it answered 404 so far). */
export function BreakGlassPrompt(props: { patientId: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  /** Set once the server has answered that this grant would renew an unreviewed one. */
  const [renewal, setRenewal] = useState<{ minReasonLength: number; confirmed: boolean } | null>(null);
  const minimum = renewal ? renewal.minReasonLength : MIN_REASON;
  const short = reason.trim().length < minimum;
  const { submit, busy, error } = useSubmit(
    () =>
      api.POST('/api/patients/{id}/break-glass', {
        params: { path: { id: props.patientId } },
        body: { reason: reason.trim(), minutes: 60, ...(renewal?.confirmed ? { renewal: true } : {}) },
      }),
    {
      invalidate: [patientKeys.record(props.patientId), auditKeys.breakGlassLists()],
      onProblem: (problem) => {
        if (problem.code === 'BREAK_GLASS_RENEWAL_UNREVIEWED') {
          const min = (problem as { minReasonLength?: unknown }).minReasonLength;
          setRenewal({ minReasonLength: typeof min === 'number' ? min : MIN_RENEWAL_REASON, confirmed: renewal?.confirmed ?? false });
          return null;
        }
        return problem.status === 404 ? 'There is no such patient record.' : undefined;
      },
    },
  );
  if (!open) {
    return (
      <Button color="red" variant="light" onClick={() => setOpen(true)}>
        This may be a restricted record: break the glass
      </Button>
    );
  }
  return (
    <Stack data-testid="break-glass">
      <Alert color="red" title="Emergency access">
        Access is granted for 60 minutes, recorded with your reason, and reviewed by the practice.
      </Alert>
      {renewal && (
        <Alert color="orange" title="This renews your earlier emergency access" data-testid="break-glass-renewal">
          You opened this record under break-glass less than 24 hours ago and that access has not been reviewed yet. To open it again,
          confirm that this is a renewal and explain in at least {renewal.minReasonLength} characters why access is still needed, or ask a
          manager to review the earlier access first.
        </Alert>
      )}
      {error && <Alert color="red">{error}</Alert>}
      <Textarea
        label="Reason"
        description={`At least ${minimum} characters`}
        autosize
        minRows={renewal ? 3 : 2}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={reason && short ? `State the reason in at least ${minimum} characters` : null}
      />
      {renewal && (
        <Checkbox
          label="I am renewing my emergency access to this record"
          checked={renewal.confirmed}
          onChange={(e) => setRenewal({ ...renewal, confirmed: e.currentTarget.checked })}
        />
      )}
      <Button color="red" disabled={short || (renewal !== null && !renewal.confirmed)} loading={busy} onClick={() => void submit()}>
        {renewal ? 'Renew access and open the chart' : 'Break the glass and open the chart'}
      </Button>
    </Stack>
  );
}
