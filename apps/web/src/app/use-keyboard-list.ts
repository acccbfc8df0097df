/**
 * Keyboard-first lists (the charge review, the denial queue): ↑/↓ (or j/k) move the selection and
 * focus its row (one row in the tab order at a time), Enter acts on the selected item unless it
 * lands on a button or link (there it keeps doing what it does), and the page's own keys act on
 * the selected item too. Every key goes through the shortcut registry, so `?` lists them.
 *
 *   const { current, select, rowProps } = useKeyboardList('Denials', items, {
 *     noun: 'denial',
 *     enter: { label: "Open the selected denial's claim", run: (d) => open(d) },
 *     keys: [{ keys: ['w'], label: 'Write off…', run: (d) => setWritingOff(d), when: (d) => d.status !== 'closed' }],
 *   });
 *   <Table.Tr key={d.key} {...rowProps(i)}>
 */
import { useEffect, useRef, useState } from 'react';
import { type Shortcut, useShortcuts } from './shortcuts.ts';

/** A key acting on the selected item; `when` (default: always) is asked with that item at the key press. */
export interface ListKey<T> {
  keys: string[];
  label: string;
  run: (item: T) => void;
  when?: (item: T) => boolean;
}

export function useKeyboardList<T>(
  section: string,
  items: readonly T[],
  o: { noun: string; enter: Omit<ListKey<T>, 'keys'>; keys?: ListKey<T>[] },
) {
  const [selected, setSelected] = useState(0);
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);
  const current = items[Math.min(selected, items.length - 1)];
  useEffect(() => {
    if (selected >= items.length && items.length > 0) setSelected(items.length - 1);
  }, [items.length, selected]);
  const move = (by: number) => {
    const next = Math.max(0, Math.min(items.length - 1, selected + by));
    setSelected(next);
    rows.current[next]?.focus();
  };
  const onCurrent = (k: ListKey<T>): Shortcut => ({
    keys: k.keys,
    label: k.label,
    run: () => current !== undefined && k.run(current),
    when: () => current !== undefined && (k.when?.(current) ?? true),
  });
  const enter = onCurrent({ keys: ['Enter'], ...o.enter });
  useShortcuts(section, [
    { keys: ['ArrowDown', 'j'], label: `Next ${o.noun}`, run: () => move(1), when: () => items.length > 0 },
    { keys: ['ArrowUp', 'k'], label: `Previous ${o.noun}`, run: () => move(-1), when: () => items.length > 0 },
    {
      ...enter,
      // Enter on a button or link keeps doing what it does there.
      when: (e) => !(e.target instanceof HTMLButtonElement || e.target instanceof HTMLAnchorElement) && (enter.when?.(e) ?? true),
    },
    ...(o.keys ?? []).map(onCurrent),
  ]);
  /** The props of row `i`: roving tabindex, selection on focus or click, the selected row's colour. */
  const rowProps = (i: number) => ({
    ref: (el: HTMLTableRowElement | null) => {
      rows.current[i] = el;
    },
    tabIndex: i === selected ? 0 : -1,
    'aria-selected': i === selected,
    onFocus: () => setSelected(i),
    onClick: () => setSelected(i),
    bg: i === selected ? 'var(--mantine-color-blue-light)' : undefined,
  });
  return { selected, select: setSelected, current, rowProps };
}
