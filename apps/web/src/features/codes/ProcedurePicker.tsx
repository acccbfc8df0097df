/**
 * Pick an entry of the practice's procedure list (`GET /api/procedures?q=`): by code prefix or
 * words of the practice's own description; arrows and Enter pick. Shows the default fee.
 */
import { Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { CodeCombobox } from './CodeCombobox.tsx';
import { formatFee, type Procedure, proceduresQuery } from './codes-api.ts';

export type { Procedure } from './codes-api.ts';

export function ProcedurePicker(props: { label: string; onPick(entry: Procedure): void; description?: string }) {
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 120);
  const results = useQuery({ ...proceduresQuery(debounced), enabled: debounced.length > 0 });
  const items = debounced ? results.data?.slice(0, 30) : undefined;
  return (
    <CodeCombobox
      label={props.label}
      description={props.description ?? "Code (99213) or words of the practice's description"}
      placeholder="Code or words"
      query={q}
      onQuery={setQ}
      loading={results.isFetching}
      error={results.isError ? results.error.message : null}
      emptyText="Not on the practice's procedure list"
      testId="procedure-picker"
      options={items?.map((p) => ({
        value: p.code,
        code: p.code,
        text: p.description,
        badge: (
          <Text size="xs" c="dimmed" ml="auto">
            {formatFee(p.defaultFeeCents)}
          </Text>
        ),
      }))}
      onPick={(code) => {
        const picked = items?.find((p) => p.code === code);
        if (picked) props.onPick(picked);
      }}
    />
  );
}
