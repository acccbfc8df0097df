/**
 * Shown on a chart that answered 404 to a user holding break_glass: the server answers a
 * restricted record and a missing one alike, so the UI offers the emergency path without
 * claiming the record exists. The grant (reason, at most 60 minutes) is audited and reviewed.
 */
import { Alert, Button, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { toProblem } from '../../api/problem.ts';

export function BreakGlassPrompt(props: { patientId: string; onOpened: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const short = reason.trim().length < 10;
  const submit = async () => {
    setBusy(true);
    setError(null);
    const {
      data,
      error: err,
      response,
    } = await api.POST('/api/patients/{id}/break-glass', {
      params: { path: { id: props.patientId } },
      body: { reason: reason.trim(), minutes: 60 },
    });
    setBusy(false);
    if (data) return props.onOpened();
    const problem = toProblem(err, response.status);
    setError(response.status === 404 ? 'There is no such patient record.' : problem.detail || problem.title);
  };
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
      {error && <Alert color="red">{error}</Alert>}
      <Textarea
        label="Reason"
        description="At least 10 characters"
        autosize
        minRows={2}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={reason && short ? 'State the reason in at least 10 characters' : null}
      />
      <Button color="red" disabled={short} loading={busy} onClick={() => void submit()}>
        Break the glass and open the chart
      </Button>
    </Stack>
  );
}
