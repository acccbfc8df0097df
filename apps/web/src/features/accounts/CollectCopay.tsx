/**
 * The copay at check-in, from the flow board: a visit whose patient has arrived shows
 * "Collect copay $25.00" (the amount the coverage, or its latest 271, names); it opens the
 * payment form prefilled with that amount, card as the method and the board's location, so the
 * desk types the card's last four digits and presses Post: three interactions. The form's
 * Idempotency-Key is made when it opens. Once posted the dialog offers the receipt.
 */
import { Badge, Button, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { money } from '../../app/money.ts';
import type { ExpectedCopay, Payment } from './accounts-api.ts';
import { PostPaymentForm } from './PostPaymentForm.tsx';
import { ReceiptActions } from './ReceiptActions.tsx';

export function CollectCopayButton(props: {
  patientId: string;
  patientName: string;
  locationId: string;
  expected: ExpectedCopay | undefined;
}) {
  const [open, setOpen] = useState(false);
  const [posted, setPosted] = useState<Payment | null>(null);
  const e = props.expected;
  if (!e) return null;
  if (e.paidTodayCents > 0 && !open)
    return (
      <Badge color="teal" variant="light" data-testid="copay-collected" title={`Paid today: ${money(e.paidTodayCents)}`}>
        Paid {money(e.paidTodayCents)}
      </Badge>
    );
  const cents = e.copayCents ?? 0;
  const label = cents > 0 ? `Collect copay ${money(cents)}` : 'Collect payment';
  const close = () => {
    setOpen(false);
    setPosted(null);
  };
  return (
    <>
      <Button size="compact-sm" variant="default" onClick={() => setOpen(true)} aria-label={`${label} from ${props.patientName}`}>
        {label}
      </Button>
      <Modal opened={open} onClose={close} title={`Copay: ${props.patientName}`} closeButtonProps={{ 'aria-label': 'Close' }}>
        {open && !posted && (
          <Stack gap="xs">
            {e.source && (
              <Text size="sm" c="dimmed">
                Expected from {e.source === 'coverage' ? 'the coverage' : 'the latest eligibility answer'}.
              </Text>
            )}
            <PostPaymentForm
              patientId={props.patientId}
              {...(cents > 0 ? { suggestedCents: cents } : {})}
              defaultMethod="card"
              locationId={props.locationId}
              submitLabel="Post"
              onPosted={setPosted}
            />
          </Stack>
        )}
        {posted && (
          <Stack gap="sm">
            <Text role="status" data-testid="copay-posted">
              Posted {money(posted.amountCents)} from {props.patientName}.
            </Text>
            <ReceiptActions paymentId={posted.id} />
            <Button onClick={close} data-autofocus>
              Done
            </Button>
          </Stack>
        )}
      </Modal>
    </>
  );
}
