/**
 * Fill an empty note from a template: the templates of the visit's type first, then those for
 * any visit, then the rest. Searchable by name; picking one fills all four SOAP sections (only
 * while the note is still empty, so nothing typed is ever replaced).
 */
import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { forwardRef } from 'react';
import { useAppointmentTypes } from '../schedule/schedule-api.ts';
import { type Note, type NoteTemplate, templateNote, templatesQuery } from './encounters-api.ts';

export const TemplatePicker = forwardRef<
  HTMLInputElement,
  { appointmentTypeId: string | null; disabled: boolean; onPick(note: Note, template: NoteTemplate): void }
>(function TemplatePicker(props, ref) {
  const templates = useQuery(templatesQuery());
  const types = useAppointmentTypes();
  const typeName = new Map((types.data ?? []).map((t) => [t.id, t.name]));
  const all = templates.data?.items ?? [];
  const rank = (t: NoteTemplate) =>
    props.appointmentTypeId && t.appointmentTypeId === props.appointmentTypeId ? 0 : t.appointmentTypeId ? 2 : 1;
  const groups = [
    { group: `For ${typeName.get(props.appointmentTypeId ?? '') ?? 'this visit'}`, items: all.filter((t) => rank(t) === 0) },
    { group: 'For any visit', items: all.filter((t) => rank(t) === 1) },
    { group: 'Other visit types', items: all.filter((t) => rank(t) === 2) },
  ]
    .filter((g) => g.items.length > 0)
    .map((g) => ({
      group: g.group,
      items: g.items.map((t) => ({
        value: t.id,
        label: t.appointmentTypeId && rank(t) === 2 ? `${t.name} (${typeName.get(t.appointmentTypeId) ?? 'other'})` : t.name,
      })),
    }));
  return (
    <Select
      ref={ref}
      label="Template"
      placeholder={props.disabled ? 'Templates fill an empty note' : 'Choose a template'}
      searchable
      w={300}
      data={groups}
      value={null}
      disabled={props.disabled || templates.isPending}
      nothingFoundMessage="No template"
      data-testid="template-picker"
      onChange={(id) => {
        const t = all.find((x) => x.id === id);
        if (t) props.onPick(templateNote(t), t);
      }}
    />
  );
});
