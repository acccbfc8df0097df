/**
 * A search-as-you-type box with a keyboard-selectable list (Mantine Combobox: arrows move,
 * Enter picks, Escape closes; the input is a labelled combobox). The pickers build on it.
 */
import { Combobox, Group, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { type ReactNode, useEffect } from 'react';

export interface CodeOption {
  value: string;
  code: string;
  text: string;
  badge?: ReactNode;
}

export function CodeCombobox(props: {
  label: string;
  description?: string;
  placeholder?: string;
  query: string;
  onQuery(q: string): void;
  options: CodeOption[] | undefined;
  loading: boolean;
  error?: string | null;
  emptyText: string;
  onPick(value: string): void;
  testId?: string;
}) {
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const { options } = props;
  // The best match is always one Enter away.
  useEffect(() => {
    if (options?.length) combobox.selectFirstOption();
  }, [options, combobox.selectFirstOption]);
  const typed = props.query.trim().length > 0;
  return (
    <Combobox
      store={combobox}
      onOptionSubmit={(value) => {
        props.onPick(value);
        props.onQuery('');
        combobox.closeDropdown();
      }}
    >
      <Combobox.Target>
        <TextInput
          label={props.label}
          description={props.description}
          placeholder={props.placeholder}
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={props.loading ? <Loader size="xs" aria-label="Searching" /> : null}
          value={props.query}
          error={props.error ?? undefined}
          autoComplete="off"
          data-testid={props.testId}
          onChange={(e) => {
            props.onQuery(e.currentTarget.value);
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
          }}
          onClick={() => combobox.openDropdown()}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!typed}>
        <Combobox.Options mah={320}>
          {options?.map((o) => (
            <Combobox.Option value={o.value} key={o.value}>
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Text fw={600} size="sm" miw={72} ff="monospace">
                  {o.code}
                </Text>
                <Text size="sm">{o.text}</Text>
                {o.badge}
              </Group>
            </Combobox.Option>
          ))}
          {options && options.length === 0 && !props.loading && <Combobox.Empty>{props.emptyText}</Combobox.Empty>}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
