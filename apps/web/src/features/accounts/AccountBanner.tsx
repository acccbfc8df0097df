/** The chart header's balance line: what the patient owes, or their credit (users who see accounts). */
import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { money } from '../../app/money.ts';
import { accountQuery } from './accounts-api.ts';

export function AccountBanner(props: { patientId: string }) {
  const account = useQuery(accountQuery(props.patientId));
  const cents = account.data?.patientBalanceCents ?? 0;
  if (!account.data || cents === 0) return null;
  return (
    <Badge color={cents > 0 ? 'orange' : 'green'} variant="light" role="note" aria-label="Account balance" data-testid="account-banner">
      {cents > 0 ? `Owes ${money(cents)}` : `Credit ${money(-cents)}`}
    </Badge>
  );
}
