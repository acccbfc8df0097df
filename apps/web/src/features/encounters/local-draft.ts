/**
 * The unsaved edits of one encounter, kept in this browser's localStorage on every keystroke, so a
 * reload, a crash or a lost connection loses no typing. Only the fields the user changed are
 * kept, with the version (ETag) they were made on and when; a successful save clears the copy.
 */
import type { DraftField, DraftValues } from './draft-values.ts';

export interface LocalDraft {
  /** ISO instant of the last keystroke. */
  editedAt: string;
  /** The ETag of the version the edits were made on. */
  baseEtag: string;
  changed: DraftField[];
  values: Partial<DraftValues>;
}

const PREFIX = 'clinicdesk.encounter-draft.';
const key = (encounterId: string) => `${PREFIX}${encounterId}`;

/** Forgets every kept copy on this device (sign-out: no note text stays behind on a shared desk). */
export function clearAllLocalDrafts(): void {
  try {
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const k = localStorage.key(i);
      if (k?.startsWith(PREFIX)) localStorage.removeItem(k);
    }
  } catch {
    // storage disabled: nothing kept
  }
}

export function saveLocalDraft(encounterId: string, draft: LocalDraft): void {
  try {
    localStorage.setItem(key(encounterId), JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the server copy is all there is; autosave still runs.
  }
}

export function loadLocalDraft(encounterId: string): LocalDraft | null {
  try {
    const raw = localStorage.getItem(key(encounterId));
    if (!raw) return null;
    const d = JSON.parse(raw) as LocalDraft;
    return Array.isArray(d.changed) && typeof d.editedAt === 'string' ? d : null;
  } catch {
    return null;
  }
}

export function clearLocalDraft(encounterId: string): void {
  try {
    localStorage.removeItem(key(encounterId));
  } catch {
    // nothing kept
  }
}

/** The fields of `values` named by `changed` (what is worth keeping). */
export function pickChanged(values: DraftValues, changed: Iterable<DraftField>): Partial<DraftValues> {
  const out: Partial<DraftValues> = {};
  for (const f of changed) {
    if (f.startsWith('note.')) out.note = values.note;
    else if (f === 'noteFormat') out.noteFormat = values.noteFormat;
    else if (f === 'vitals') out.vitals = values.vitals;
    else if (f === 'diagnoses') out.diagnoses = values.diagnoses;
    else if (f === 'procedures') out.procedures = values.procedures;
    else if (f === 'followUp') out.followUp = values.followUp;
  }
  return out;
}

/**
 * Whether the copy on this device should be put back over the server's version: it was made on
 * that very version, or typed after the server's last change.
 */
export function localIsNewer(local: LocalDraft, etag: string, serverUpdatedAt: string | undefined): boolean {
  if (local.baseEtag === etag) return true;
  if (!serverUpdatedAt) return false;
  return Date.parse(local.editedAt) > Date.parse(serverUpdatedAt);
}
