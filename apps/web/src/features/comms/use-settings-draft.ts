/**
 * What the practice's channel settings forms share (outgoing mail, text messages): the settings
 * read once, an editable draft of the form's fields, one PATCH /api/comms/settings that keeps
 * the answer and says so, and the problem's field errors by path with one line naming the
 * form's labels.
 */
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { fieldErrors, problemLine } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import type { CommsSettings, CommsSettingsPatch } from './comms-api.ts';
import { commsKeys } from './query-keys.ts';

/** A trimmed text field, or null when left empty (the API clears the setting). */
export const orNull = (s: string) => (s.trim() ? s.trim() : null);

export function useSettingsDraft<D>(o: {
  /** The form's fields from the stored settings (a module-level function: its identity must not change). */
  toDraft: (s: CommsSettings) => D;
  /** The settings' field paths by their labels on this form. */
  labels: Record<string, string>;
  /** The notice after a save. */
  saved: string;
  onSaved?: () => void;
  /** Which problem paths the line names by label (default: those in `labels`). */
  names?: (path: string) => boolean;
}) {
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: commsKeys.settings(), queryFn: () => unwrap(api.GET('/api/comms/settings')) });
  const [draft, setDraft] = useState<D | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { toDraft } = o;
  useEffect(() => {
    if (settings.data) setDraft(toDraft(settings.data));
  }, [settings.data, toDraft]);
  const saving = useSubmit((body: CommsSettingsPatch) => api.PATCH('/api/comms/settings', { body }), {
    onSuccess: (saved) => {
      queryClient.setQueryData(commsKeys.settings(), saved);
      o.onSaved?.();
      notifications.show({ color: 'green', message: o.saved });
    },
    onProblem: (problem) => {
      setErrors(fieldErrors(problem));
      return problemLine(problem, o.labels, o.names ?? ((path) => path in o.labels));
    },
  });
  return {
    settings,
    draft,
    errors,
    saving,
    /** Change some fields of the draft. */
    set: (patch: Partial<D>) => setDraft((d) => (d ? { ...d, ...patch } : d)),
    /** Send `body` (the last errors cleared). */
    save: (body: CommsSettingsPatch) => {
      setErrors({});
      void saving.submit(body);
    },
  };
}
