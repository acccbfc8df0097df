/**
 * Autosave of an encounter draft. Every change is kept on this device at once (local-draft.ts) and
 * sent ~800 ms after the last keystroke as a PATCH of the changed fields with If-Match. The state
 * is always one of: saved, saving, waiting to save, offline (kept here, retried every few seconds
 * and when the browser is back online), refused (the 400's messages go under their fields),
 * changed by someone else (412: `reapply` reads their version and puts the user's changed fields
 * over it, then saves with the new ETag), or locked (the note was signed meanwhile).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type Problem, toProblem } from '../../api/problem.ts';
import { UNREACHABLE } from '../../api/use-submit.ts';
import { buildPatch, type DraftField, type DraftValues, fieldValue, fromEncounter, overlay } from './draft-values.ts';
import { type Encounter, etagOf, isDraft, patchEncounter, readEncounter } from './encounters-api.ts';
import { clearLocalDraft, loadLocalDraft, localIsNewer, pickChanged, saveLocalDraft } from './local-draft.ts';
import { encounterKeys } from './query-keys.ts';

export const SAVE_DELAY_MS = 800;
const RETRY_MS = 5_000;

export type SaveState =
  | { kind: 'saved'; at: Date | null }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'offline' }
  | { kind: 'invalid'; problem: Problem }
  | { kind: 'conflict' }
  | { kind: 'locked' }
  | { kind: 'failed'; problem: Problem };

export interface EncounterDraft {
  encounter: Encounter | null;
  loadError: Problem | null;
  values: DraftValues | null;
  state: SaveState;
  /** The server's messages by field path ('vitals.systolic'), from the last refused save. */
  errors: Record<string, string>;
  /** True when edits from this device were put back on load. */
  restored: boolean;
  update<K extends keyof DraftValues>(key: K, value: DraftValues[K], field?: DraftField | DraftField[]): void;
  /** Save now (before signing); resolves true when nothing is left unsaved. */
  flush(): Promise<boolean>;
  /** After a 412: read the latest version, reapply the user's changed fields, save. */
  reapply(): Promise<void>;
  /** Read the encounter again (after signing, an addendum, a co-signature). */
  reload(): Promise<void>;
}

export function useEncounterDraft(id: string): EncounterDraft {
  const queryClient = useQueryClient();
  const [encounter, setEncounter] = useState<Encounter | null>(null);
  const [loadError, setLoadError] = useState<Problem | null>(null);
  const [values, setValues] = useState<DraftValues | null>(null);
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: null });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [restored, setRestored] = useState(false);

  const valuesRef = useRef<DraftValues | null>(null);
  const etag = useRef('');
  const changed = useRef(new Set<DraftField>());
  const editedAt = useRef(new Date().toISOString());
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stateRef = useRef<SaveState>(state);
  const setSave = useCallback((s: SaveState) => {
    stateRef.current = s;
    setState(s);
  }, []);

  const keepLocally = useCallback(() => {
    const v = valuesRef.current;
    if (!v || changed.current.size === 0) return clearLocalDraft(id);
    saveLocalDraft(id, {
      editedAt: editedAt.current,
      baseEtag: etag.current,
      changed: [...changed.current],
      values: pickChanged(v, changed.current),
    });
  }, [id]);

  const schedule = useCallback((ms: number) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void saveRef.current();
    }, ms);
  }, []);

  /** One PATCH of what is changed now; true when nothing is left to save afterwards. */
  const save = useCallback(async (): Promise<boolean> => {
    if (inFlight.current) {
      await inFlight.current;
      if (changed.current.size > 0 && stateRef.current.kind === 'pending') return saveRef.current();
      return changed.current.size === 0;
    }
    const v = valuesRef.current;
    const kind = stateRef.current.kind;
    if (!v || kind === 'conflict' || kind === 'locked') return changed.current.size === 0;
    if (changed.current.size === 0) return true;
    const { patch, sent } = buildPatch(v, changed.current);
    if (sent.length === 0) {
      // Only inputs that cannot be sent yet ("12a"): their own messages say so.
      setSave({ kind: 'invalid', problem: { status: 400, code: 'VALIDATION_FAILED', title: 'Check the marked fields', detail: '' } });
      return false;
    }
    const snapshot = new Map(sent.map((f) => [f, JSON.stringify(fieldValue(v, f))]));
    setSave({ kind: 'saving' });
    const run = (async (): Promise<boolean> => {
      let result: Awaited<ReturnType<typeof patchEncounter>>;
      try {
        result = await patchEncounter(id, etag.current, patch);
      } catch {
        setSave({ kind: 'offline' });
        schedule(RETRY_MS);
        return false;
      }
      const { response } = result;
      if (response.ok && result.data) {
        etag.current = etagOf(result);
        const now = valuesRef.current ?? v;
        for (const [f, json] of snapshot) if (JSON.stringify(fieldValue(now, f)) === json) changed.current.delete(f);
        keepLocally();
        setEncounter(result.data);
        setErrors((prev) =>
          Object.fromEntries(Object.entries(prev).filter(([path]) => !sent.some((f) => path.startsWith(f.split('.')[0] ?? f)))),
        );
        queryClient.setQueryData(encounterKeys.detail(id), result.data);
        if (changed.current.size > 0) {
          setSave({ kind: 'pending' });
          schedule(SAVE_DELAY_MS);
          return false;
        }
        setSave({ kind: 'saved', at: new Date() });
        return true;
      }
      const problem = { ...toProblem(result.error, response.status), status: response.status };
      if (response.status === 412) setSave({ kind: 'conflict' });
      else if (response.status === 409 && problem.code === 'NOTE_SIGNED') {
        setSave({ kind: 'locked' });
        void reloadRef.current();
      } else if (response.status === 400) {
        setErrors(Object.fromEntries((problem.errors ?? []).map((e) => [e.path, e.message])));
        setSave({ kind: 'invalid', problem });
      } else if (response.status >= 500 || response.status === 0) {
        setSave({ kind: 'offline' });
        schedule(RETRY_MS);
      } else setSave({ kind: 'failed', problem });
      return false;
    })();
    inFlight.current = run;
    try {
      return await run;
    } finally {
      inFlight.current = null;
    }
  }, [id, keepLocally, queryClient, schedule, setSave]);
  const saveRef = useRef(save);
  saveRef.current = save;

  const load = useCallback(
    async (mode: 'initial' | 'reload' | 'reapply') => {
      let result: Awaited<ReturnType<typeof readEncounter>>;
      try {
        result = await readEncounter(id);
      } catch {
        if (mode === 'initial') setLoadError(UNREACHABLE);
        else setSave({ kind: 'offline' });
        return;
      }
      if (!result.response.ok || !result.data) {
        const problem = { ...toProblem(result.error, result.response.status), status: result.response.status };
        if (mode === 'initial') setLoadError(problem);
        else setSave({ kind: 'failed', problem });
        return;
      }
      const e = result.data;
      etag.current = etagOf(result);
      setEncounter(e);
      queryClient.setQueryData(encounterKeys.detail(id), e);
      let next = fromEncounter(e);
      if (!isDraft(e)) {
        changed.current.clear();
        clearLocalDraft(id);
        valuesRef.current = next;
        setValues(next);
        setSave({ kind: 'locked' });
        return;
      }
      if (mode === 'initial') {
        const local = loadLocalDraft(id);
        if (local && localIsNewer(local, etag.current, e.updatedAt)) {
          changed.current = new Set(local.changed);
          editedAt.current = local.editedAt;
          next = overlay(next, local.values, local.changed);
          setRestored(true);
        } else if (local) clearLocalDraft(id);
      } else if (mode === 'reapply' && valuesRef.current) {
        next = overlay(next, valuesRef.current, changed.current);
      } else changed.current.clear();
      valuesRef.current = next;
      setValues(next);
      keepLocally();
      if (changed.current.size > 0) {
        setSave({ kind: 'pending' });
        await saveRef.current();
      } else setSave({ kind: 'saved', at: mode === 'initial' ? null : new Date() });
    },
    [id, keepLocally, queryClient, setSave],
  );
  const reloadRef = useRef(() => load('reload'));
  reloadRef.current = () => load('reload');

  useEffect(() => {
    void load('initial');
  }, [load]);

  // Back online: send what waited. Leaving the page: send what is pending (the local copy stays until it lands).
  useEffect(() => {
    const online = () => {
      if (stateRef.current.kind === 'offline') void saveRef.current();
    };
    const hidden = () => {
      if (document.visibilityState === 'hidden' && changed.current.size > 0) void saveRef.current();
    };
    window.addEventListener('online', online);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('online', online);
      document.removeEventListener('visibilitychange', hidden);
      if (timer.current) clearTimeout(timer.current);
      if (changed.current.size > 0 && stateRef.current.kind === 'pending') void saveRef.current();
    };
  }, []);

  const update = useCallback(
    <K extends keyof DraftValues>(key: K, value: DraftValues[K], field?: DraftField | DraftField[]) => {
      const v = valuesRef.current;
      if (!v || stateRef.current.kind === 'locked') return;
      const next = { ...v, [key]: value };
      valuesRef.current = next;
      setValues(next);
      for (const f of Array.isArray(field) ? field : [field ?? (key as DraftField)]) changed.current.add(f);
      editedAt.current = new Date().toISOString();
      keepLocally();
      const kind = stateRef.current.kind;
      if (kind === 'conflict') return;
      if (kind !== 'offline') setSave({ kind: 'pending' });
      schedule(kind === 'offline' ? RETRY_MS : SAVE_DELAY_MS);
    },
    [keepLocally, schedule, setSave],
  );

  const flush = useCallback(async () => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (stateRef.current.kind === 'offline' || stateRef.current.kind === 'invalid' || stateRef.current.kind === 'failed') {
      setSave({ kind: 'pending' });
    }
    return saveRef.current();
  }, [setSave]);

  return {
    encounter,
    loadError,
    values,
    state,
    errors,
    restored,
    update,
    flush,
    reapply: () => load('reapply'),
    reload: () => load('reload'),
  };
}

/** The line the screen shows for the autosave state. */
export function saveStateText(s: SaveState): string {
  switch (s.kind) {
    case 'saved':
      return s.at ? `Saved ${s.at.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' })}` : 'All changes saved';
    case 'pending':
      return 'Unsaved changes…';
    case 'saving':
      return 'Saving…';
    case 'offline':
      return 'Offline — changes kept on this device';
    case 'invalid':
      return 'Not saved — check the marked fields';
    case 'conflict':
      return 'Changed by someone else';
    case 'locked':
      return 'Signed — read-only';
    case 'failed':
      return `Not saved — ${s.problem.detail || s.problem.title}`;
  }
}
