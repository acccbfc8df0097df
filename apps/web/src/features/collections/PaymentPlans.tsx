/** A patient's payment plans (installments, what is paid), a form to set one up and cancelling the active one. */
import { Badge, Button, Group, List, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { fieldErrors } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { dollarsToCents, money } from '../../app/money.ts';
import { useCan } from '../auth/use-me.ts';
import { FormError, SubmitRow } from '../followups/fields.tsx';
import { FREQUENCY_LABELS, PLAN_STATUS_LABELS, type Plan, type PlanInput, plansQuery } from './collections-api.ts';
import { collectionKeys } from './query-keys.ts';

export function PlanSummary(props: { plan: Plan }) {
  const p = props.plan;
  const missed = p.installments.filter((i) => i.missed && i.paidCents < i.amountCents).length;
  const next = p.installments.find((i) => i.paidCents < i.amountCents);
  return (
    <Stack gap={2}>
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {money(p.totalCents)} plan, {money(p.installmentCents)} {FREQUENCY_LABELS[p.frequency].toLowerCase()}
        </Text>
        <Badge variant="light" color={p.status === 'active' ? 'blue' : p.status === 'broken' ? 'red' : 'gray'}>
          {PLAN_STATUS_LABELS[p.status]}
        </Badge>
        {missed > 0 && (
          <Badge variant="light" color="red">
            {missed} missed
          </Badge>
        )}
      </Group>
      <Text size="sm">
        Paid {money(p.paidCents)}, {money(p.remainingCents)} left
        {next && p.status === 'active' ? `; next ${money(next.amountCents - next.paidCents)} due ${next.dueOn}` : ''}
      </Text>
    </Stack>
  );
}

export function PaymentPlans(props: { patientId: string; patientName: string }) {
  const can = useCan();
  const plans = useQuery(plansQuery(props.patientId));
  const [adding, setAdding] = useState(false);
  const active = plans.data?.find((p) => p.status === 'active');
  const cancelling = useSubmit(
    (id: string) =>
      api.POST('/api/payment-plans/{id}/cancel', { params: { path: { id } }, body: { reason: 'Cancelled from the collections worklist' } }),
    { invalidate: [collectionKeys.plans(props.patientId), collectionKeys.worklists()] },
  );
  return (
    <Stack gap="xs" data-testid="payment-plans">
      {plans.data?.length === 0 && <Text size="sm">No payment plan.</Text>}
      {plans.data && plans.data.length > 0 && (
        <List size="sm" spacing={4} aria-label={`Payment plans of ${props.patientName}`}>
          {plans.data.map((p) => (
            <List.Item key={p.id}>
              <PlanSummary plan={p} />
            </List.Item>
          ))}
        </List>
      )}
      <FormError error={cancelling.error} />
      {can('collections:manage') && (
        <Group gap="xs">
          {!active && !adding && (
            <Button size="compact-sm" variant="default" onClick={() => setAdding(true)}>
              Set up a payment plan for {props.patientName}
            </Button>
          )}
          {active && (
            <Button
              size="compact-sm"
              variant="subtle"
              color="red"
              loading={cancelling.busy}
              onClick={() => void cancelling.submit(active.id)}
            >
              Cancel the plan of {props.patientName}
            </Button>
          )}
        </Group>
      )}
      {adding && <NewPlanForm patientId={props.patientId} onDone={() => setAdding(false)} />}
    </Stack>
  );
}

function NewPlanForm(props: { patientId: string; onDone(): void }) {
  const [total, setTotal] = useState('');
  const [installment, setInstallment] = useState('');
  const [frequency, setFrequency] = useState<PlanInput['frequency']>('monthly');
  const [firstDueOn, setFirstDueOn] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const saving = useSubmit((body: PlanInput) => api.POST('/api/payment-plans', { body }), {
    invalidate: [collectionKeys.plans(props.patientId), collectionKeys.worklists()],
    onSuccess: props.onDone,
    onProblem: (problem) => {
      setErrors(fieldErrors(problem));
      return problem.detail;
    },
  });
  return (
    <form
      aria-label="New payment plan"
      onSubmit={(e) => {
        e.preventDefault();
        setErrors({});
        const totalCents = dollarsToCents(total);
        const installmentCents = dollarsToCents(installment);
        const bad: Record<string, string> = {};
        if (totalCents === null) bad.totalCents = 'Type an amount such as 300.00';
        if (installmentCents === null) bad.installmentCents = 'Type an amount such as 50.00';
        if (!firstDueOn) bad.firstDueOn = 'Pick the first due date';
        if (Object.keys(bad).length > 0 || totalCents === null || installmentCents === null) {
          setErrors(bad);
          return;
        }
        void saving.submit({ patientId: props.patientId, totalCents, installmentCents, frequency, firstDueOn });
      }}
    >
      <Stack gap="xs">
        <Group grow align="flex-start">
          <TextInput
            label="Agreed total ($)"
            inputMode="decimal"
            value={total}
            onChange={(e) => setTotal(e.currentTarget.value)}
            error={errors.totalCents}
            data-autofocus
          />
          <TextInput
            label="Installment ($)"
            inputMode="decimal"
            value={installment}
            onChange={(e) => setInstallment(e.currentTarget.value)}
            error={errors.installmentCents}
          />
        </Group>
        <Group grow align="flex-start">
          <Select
            label="Every"
            data={Object.entries(FREQUENCY_LABELS).map(([value, label]) => ({ value, label }))}
            value={frequency}
            onChange={(v) => v && setFrequency(v as PlanInput['frequency'])}
            allowDeselect={false}
            error={errors.frequency}
          />
          <TextInput
            label="First due on"
            type="date"
            value={firstDueOn}
            onChange={(e) => setFirstDueOn(e.currentTarget.value)}
            error={errors.firstDueOn}
          />
        </Group>
        <FormError error={saving.error} />
        <SubmitRow label="Create plan" busy={saving.busy} />
      </Stack>
    </form>
  );
}
