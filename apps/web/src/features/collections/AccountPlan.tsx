/** The patient's active (or broken) payment plan on the chart's Account tab. */
import { Paper, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { plansQuery } from './collections-api.ts';
import { PlanSummary } from './PaymentPlans.tsx';

export function AccountPlan(props: { patientId: string }) {
  const plans = useQuery(plansQuery(props.patientId));
  const plan = plans.data?.find((p) => p.status === 'active' || p.status === 'broken');
  if (!plan) return null;
  return (
    <Paper withBorder p="sm" data-testid="account-payment-plan">
      <Text size="xs" c="dimmed">
        Payment plan
      </Text>
      <PlanSummary plan={plan} />
    </Paper>
  );
}
