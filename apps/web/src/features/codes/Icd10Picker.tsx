/**
 * Pick an ICD-10-CM code: type a code (with or without the dot) or words, the list follows as
 * you type (`GET /api/codes/icd10`), arrows and Enter pick. `billableOnly` hides category
 * headings (what an encounter's diagnoses need); otherwise headings show a "heading" badge.
 */
import { Badge } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { CodeCombobox } from './CodeCombobox.tsx';
import { type Icd10Code, icd10SearchQuery } from './codes-api.ts';

export type { Icd10Code } from './codes-api.ts';

export function Icd10Picker(props: { label: string; onPick(code: Icd10Code): void; billableOnly?: boolean; description?: string }) {
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 120);
  const billableOnly = props.billableOnly ?? false;
  const results = useQuery({ ...icd10SearchQuery(debounced, billableOnly), enabled: debounced.length > 0 });
  const items = debounced ? results.data : undefined;
  return (
    <CodeCombobox
      label={props.label}
      description={props.description ?? 'Code (E11.9 or e119) or words (diabetes type 2)'}
      placeholder="Code or words"
      query={q}
      onQuery={setQ}
      loading={results.isFetching}
      error={results.isError ? results.error.message : null}
      emptyText="No ICD-10-CM code matches"
      testId="icd10-picker"
      options={items?.map((c) => ({
        value: c.code,
        code: c.code,
        text: c.description,
        badge: c.billable ? undefined : (
          <Badge size="xs" color="gray" variant="light">
            heading
          </Badge>
        ),
      }))}
      onPick={(code) => {
        const picked = items?.find((c) => c.code === code);
        if (picked) props.onPick(picked);
      }}
    />
  );
}
