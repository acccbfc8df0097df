/**
 * The verify button: the server checks the whole hash chain and answers for this practice's events
 * ({ ok, checked, firstBadSeq }); a break outside them shows as ok: false without a seq.
 */
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';

export function VerifyChain() {
  const verify = useMutation({ mutationFn: () => unwrap(api.GET('/api/audit/verify')) });
  const result = verify.data;
  return (
    <Group align="flex-start">
      <Button leftSection={<IconShieldCheck size={16} />} variant="light" loading={verify.isPending} onClick={() => verify.mutate()}>
        Verify integrity
      </Button>
      {verify.isError && <Alert color="red">{verify.error.message}</Alert>}
      {result && (
        <Alert color={result.ok ? 'green' : 'red'} title={result.ok ? 'Audit trail intact' : 'Audit trail tampered with'} role="status">
          <Text size="sm">
            ok: {String(result.ok)} · checked: {result.checked} · firstBadSeq: {result.firstBadSeq ?? '—'}
          </Text>
          {!result.ok && result.firstBadSeq === null && (
            <Text size="sm">
              The break is not at one of this practice's events. Ask whoever runs the installation to run{' '}
              <code>clinicdesk audit verify</code>.
            </Text>
          )}
        </Alert>
      )}
    </Group>
  );
}
