/**
 * State or territory: typed by code or name ("co", "colo"), the best match highlighted, and
 * Enter picks it; Enter in this field never submits the form.
 */
import { Select, type SelectProps } from '@mantine/core';
import { filterStates, US_STATE_OPTIONS } from './us-states.ts';

export function StateSelect(props: Omit<SelectProps, 'data' | 'searchable' | 'filter'>) {
  return (
    <Select
      searchable
      clearable
      selectFirstOptionOnChange
      autoSelectOnBlur
      nothingFoundMessage="No such state or territory"
      {...props}
      data={US_STATE_OPTIONS}
      filter={filterStates}
      onKeyDown={(e) => {
        // Mantine picks the highlighted option on Enter; without one, Enter would submit the form.
        if (e.key === 'Enter') e.preventDefault();
        props.onKeyDown?.(e);
      }}
    />
  );
}
