/** The patient account's last statement (theirs or their guarantor's): date, notice, amount, a link to its PDF. */
import { Anchor, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { money } from '../../app/money.ts';
import { patientStatementsQuery, DUNNING_LABELS, statementPdfUrl } from './statements-api.ts';

export function LastStatement(props: { patientId: string }) {
  const statements = useQuery(patientStatementsQuery(props.patientId));
  const last = statements.data?.[0];
  if (statements.isPending || statements.isError) return null;
  if (!last) return <Text size="sm">No statement sent yet.</Text>;
  return (
    <Group gap="xs" data-testid="last-statement">
      <Text size="sm">
        Last statement {last.issuedOn} ({DUNNING_LABELS[last.dunningLevel].toLowerCase()},{' '}
        {last.delivery === 'email' ? 'email notice' : 'mailed'}): {money(last.amountDueCents)} due; next statement {last.nextStatementOn}.
      </Text>
      <Anchor href={statementPdfUrl(last.id)} target="_blank" rel="noopener" size="sm">
        Open the statement (PDF)
      </Anchor>
    </Group>
  );
}
