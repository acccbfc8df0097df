/** The verify button: checks the hash chain over the whole audit table and shows { ok, checked, firstBadSeq }. */
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
        </Alert>
      )}
    </Group>
  );
}
