/**
 * The verify button: the server checks the whole hash chain and answers for this practice's
 * entries ({ ok, checked, firstBadSeq }), told here in plain words: intact, broken at an entry
 * of this practice, or broken somewhere only the installation's operator can see.
 */
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import type { AuditVerification } from './audit-api.ts';

const count = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'entry' : 'entries'}`;

/** What the answer means, for a person: a title and the sentences under it. */
export function describeVerification(r: AuditVerification): { title: string; lines: string[] } {
  if (r.ok) {
    return {
      title: 'Integrity verified',
      lines: [
        `The audit trail is intact: ${count(r.checked)} checked.`,
        'Entries from the last few seconds are checked once they are sealed.',
      ],
    };
  }
  if (r.firstBadSeq !== null) {
    return {
      title: 'The audit trail has been altered',
      lines: [
        `Entry #${r.firstBadSeq.toLocaleString('en-US')} no longer matches its seal: it, or one before it, was changed or removed outside ClinicDesk. Entries from #${r.firstBadSeq.toLocaleString('en-US')} on cannot be relied on (${count(r.checked)} checked).`,
        'Sort the trail by Seq to find the entry, and tell whoever runs the installation.',
      ],
    };
  }
  return {
    title: 'The audit trail has been altered',
    lines: [
      `This practice's ${count(r.checked)} were checked; the break is not at one of them, but it may still concern this practice.`,
      'Ask whoever runs the installation to run "clinicdesk audit verify", which shows where it is.',
    ],
  };
}

export function VerifyChain() {
  const verify = useMutation({ mutationFn: () => unwrap(api.GET('/api/audit/verify')) });
  const result = verify.data ? describeVerification(verify.data) : null;
  return (
    <Group align="flex-start">
      <Button leftSection={<IconShieldCheck size={16} />} variant="light" loading={verify.isPending} onClick={() => verify.mutate()}>
        Verify integrity
      </Button>
      {verify.isError && <Alert color="red">{verify.error.message}</Alert>}
      {result && verify.data && (
        <Alert color={verify.data.ok ? 'green' : 'red'} title={result.title} role="status" data-testid="audit-verification">
          {result.lines.map((line) => (
            <Text size="sm" key={line}>
              {line}
            </Text>
          ))}
        </Alert>
      )}
    </Group>
  );
}
