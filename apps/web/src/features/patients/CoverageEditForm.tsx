/**
 * Edit or terminate one coverage: PATCH with If-Match of the version shown, only the
 * changed fields. A 412 reloads the list (someone else changed it); a 409 means the new
 * dates overlap another active coverage of that priority and lands under the field.
 */
import { Alert, Button, Grid, Group } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { fieldErrors, problemLine } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { CoverageFields, UsDateInput } from './CoverageFields.tsx';
import { COVERAGE_LABELS } from './coverage-form.ts';
import type { Coverage, CoveragePatch } from './patients-api.ts';
import { patientKeys } from './query-keys.ts';
import { isoOf, parseUsDate, todayIso, toUsDate } from './us-date.ts';

const dayOrEmpty = (v: string) => (v.trim() ? (parseUsDate(v).error ?? null) : null);

export function CoverageEditForm(props: { patientId: string; coverage: Coverage; mode: 'edit' | 'terminate'; onDone: () => void }) {
  const c = props.coverage;
  const qc = useQueryClient();
  const initial = {
    memberId: c.memberId,
    groupNumber: c.groupNumber ?? '',
    planName: c.planName ?? '',
    priority: c.priority as string,
    effectiveDate: toUsDate(c.effectiveDate),
    terminationDate: toUsDate(c.terminationDate ?? (props.mode === 'terminate' ? todayIso() : '')),
    officeCopay: c.copays.office === undefined ? '' : c.copays.office / 100,
  };
  const form = useForm({
    initialValues: initial,
    validate: {
      memberId: (v) => (v.trim() ? null : 'Enter the member id from the card.'),
      effectiveDate: (v) => parseUsDate(v).error ?? null,
      terminationDate: (v, all) =>
        dayOrEmpty(v) ?? (v.trim() && isoOf(v) < isoOf(all.effectiveDate) ? 'The termination date is before the effective date.' : null),
    },
  });
  const { submit, busy, error } = useSubmit(
    (patch: CoveragePatch) =>
      api.PATCH('/api/patients/{id}/coverages/{coverageId}', {
        params: { path: { id: props.patientId, coverageId: c.id } },
        headers: { 'if-match': `"${c.version}"` },
        body: patch,
      }),
    {
      // The chart header, the Insurance tab and the check-in dialog all read this list.
      invalidate: [patientKeys.coverages(props.patientId)],
      onSuccess: props.onDone,
      onProblem: (problem) => {
        if (problem.status === 412) {
          void qc.invalidateQueries({ queryKey: patientKeys.coverages(props.patientId) });
          return 'Someone changed this coverage meanwhile; the list now shows their version. Edit again.';
        }
        form.setErrors(fieldErrors(problem));
        return problemLine(problem, COVERAGE_LABELS, (path) => path in initial);
      },
    },
  );
  const save = (v: typeof initial) => {
    const patch: Record<string, unknown> = {};
    if (v.memberId.trim() !== c.memberId) patch.memberId = v.memberId.trim();
    if ((v.groupNumber.trim() || null) !== c.groupNumber) patch.groupNumber = v.groupNumber.trim() || null;
    if ((v.planName.trim() || null) !== c.planName) patch.planName = v.planName.trim() || null;
    if (v.priority !== c.priority) patch.priority = v.priority;
    if (isoOf(v.effectiveDate) !== c.effectiveDate) patch.effectiveDate = isoOf(v.effectiveDate);
    const termination = v.terminationDate.trim() ? isoOf(v.terminationDate) : null;
    if (termination !== c.terminationDate) patch.terminationDate = termination;
    const office = v.officeCopay === '' ? undefined : Math.round(Number(v.officeCopay) * 100);
    if (office !== c.copays.office) {
      const { office: _old, ...rest } = c.copays;
      patch.copays = office === undefined ? rest : { ...rest, office };
    }
    if (Object.keys(patch).length === 0) return props.onDone();
    void submit(patch as CoveragePatch);
  };
  const terminate = props.mode === 'terminate';
  return (
    <form onSubmit={form.onSubmit(save)} noValidate data-testid="coverage-edit">
      {error && <Alert color="red">{error}</Alert>}
      <Grid align="flex-end">
        {!terminate && (
          <CoverageFields field={(name) => form.getInputProps(name)} setValue={(name, v) => form.setFieldValue(name, v as never)} />
        )}
        <Grid.Col span={3}>
          <UsDateInput
            label="Termination date"
            {...form.getInputProps('terminationDate')}
            setValue={(v) => form.setFieldValue('terminationDate', v)}
          />
        </Grid.Col>
        <Grid.Col span={3}>
          <Group>
            <Button type="submit" loading={busy} color={terminate ? 'red' : undefined}>
              {terminate ? 'Terminate' : 'Save'}
            </Button>
            <Button variant="default" onClick={props.onDone} disabled={busy}>
              Cancel
            </Button>
          </Group>
        </Grid.Col>
      </Grid>
    </form>
  );
}
