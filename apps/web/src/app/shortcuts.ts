/**
 * Keyboard shortcuts: one registry for the whole UI. A page declares its keys with
 * `useShortcuts(section, list)` while it is mounted; the same list feeds the `?` help dialog
 * (shell/KeyboardHelp.tsx), so every key that works is documented and nothing documented is stale.
 *
 *   useShortcuts('Schedule', [
 *     { keys: ['t'], label: 'Go to today', run: () => goToday() },
 *     { keys: ['n', 'ArrowRight'], label: 'Next day', run: next },
 *   ]);
 *
 * A shortcut never fires while the user types in a field (input, textarea, select, contenteditable),
 * with Ctrl/Alt/Meta held, when something else already handled the key (`defaultPrevented`), or
 * while a modal dialog is open (the dialog owns the keyboard). Sections registered later (the page)
 * are asked before earlier ones (the shell); the first shortcut that matches and runs wins.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';

export interface Shortcut {
  /** `KeyboardEvent.key` values ('j', 'ArrowDown', '?', 'Enter'); the help shows them in this order. */
  keys: string[];
  /** What the key does, as the help dialog says it. */
  label: string;
  /** Runs on the key press. Omitted: the key is handled elsewhere and only listed in the help. */
  run?: (event: KeyboardEvent) => void;
  /** Asked at the key press; false lets the key do its ordinary thing (e.g. arrows scroll the page). */
  when?: (event: KeyboardEvent) => boolean;
}

export interface ShortcutSection {
  section: string;
  shortcuts: Shortcut[];
}

interface Entry {
  section: string;
  /** The current list (the page's latest render), read at the key press. */
  list: () => Shortcut[];
  /** Keys and labels, for the help. */
  shown: Shortcut[];
}

const entries: Entry[] = [];
const listeners = new Set<() => void>();
let snapshot: ShortcutSection[] = [];

function changed(): void {
  const bySection = new Map<string, Shortcut[]>();
  for (const e of entries) bySection.set(e.section, [...(bySection.get(e.section) ?? []), ...e.shown]);
  snapshot = [...bySection].map(([section, shortcuts]) => ({ section, shortcuts }));
  for (const l of listeners) l();
}

/** True when the key press belongs to something the user is typing into. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

function modalOpen(): boolean {
  return document.querySelector('[aria-modal="true"]') !== null;
}

function onKeyDown(event: KeyboardEvent): void {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
  if (isTyping(event.target) || modalOpen()) return;
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (!entry) continue;
    for (const shortcut of entry.list()) {
      if (!shortcut.run || !shortcut.keys.includes(event.key)) continue;
      if (shortcut.when && !shortcut.when(event)) continue;
      event.preventDefault();
      shortcut.run(event);
      return;
    }
  }
}

function register(entry: Entry): () => void {
  if (entries.length === 0) window.addEventListener('keydown', onKeyDown);
  entries.push(entry);
  changed();
  return () => {
    const at = entries.indexOf(entry);
    if (at >= 0) entries.splice(at, 1);
    if (entries.length === 0) window.removeEventListener('keydown', onKeyDown);
    changed();
  };
}

/**
 * Declares `list` under `section` while the calling component is mounted. The functions may be
 * fresh closures on every render (the latest are used); the help updates when keys or labels change.
 */
export function useShortcuts(section: string, list: Shortcut[]): void {
  const latest = useRef(list);
  latest.current = list;
  const signature = JSON.stringify(list.map((s) => [s.keys, s.label, Boolean(s.run)]));
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-register only when what the help shows changes
  useEffect(
    () =>
      register({
        section,
        list: () => latest.current,
        shown: latest.current.map(({ keys, label }) => ({ keys, label })),
      }),
    [section, signature],
  );
}

/** Every registered section, in registration order (the help dialog). */
export function useShortcutSections(): ShortcutSection[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => snapshot,
  );
}

/** How a key is written in the help ('ArrowDown' → '↓'). */
export function keyLabel(key: string): string {
  const names: Record<string, string> = {
    ArrowDown: '↓',
    ArrowUp: '↑',
    ArrowLeft: '←',
    ArrowRight: '→',
    Escape: 'Esc',
    ' ': 'Space',
  };
  return names[key] ?? key;
}

// The help dialog's open state: the `?` key and the user menu both open it.
let helpOpen = false;
const helpListeners = new Set<() => void>();
export function setKeyboardHelpOpen(open: boolean): void {
  helpOpen = open;
  for (const l of helpListeners) l();
}
export function useKeyboardHelpOpen(): boolean {
  return useSyncExternalStore(
    (l) => {
      helpListeners.add(l);
      return () => helpListeners.delete(l);
    },
    () => helpOpen,
  );
}
