/**
 * A posted payment's receipt: print it (the PDF in a new tab) or email it to the patient, which
 * the API allows only with an address on the record and the patient's consent to email.
 */
import { Anchor, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { receiptUrl } from './accounts-api.ts';

export function ReceiptActions(props: { paymentId: string }) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const email = useSubmit(() => api.POST('/api/payments/{id}/receipt/email', { params: { path: { id: props.paymentId } } }), {
    onSuccess: (d) => setSentTo(d.to),
    onProblem: (problem) => problem.detail,
  });
  return (
    <Group gap="sm" align="center" data-testid="receipt-actions">
      <Anchor href={receiptUrl(props.paymentId)} target="_blank" rel="noopener">
        Print receipt
      </Anchor>
      {sentTo ? (
        <Text size="sm" role="status">
          Receipt sent to {sentTo}
        </Text>
      ) : (
        <Button size="xs" variant="default" loading={email.busy} onClick={() => void email.submit()}>
          Email receipt
        </Button>
      )}
      {email.error && (
        <Text size="sm" c="red.8" role="alert">
          {email.error}
        </Text>
      )}
    </Group>
  );
}
