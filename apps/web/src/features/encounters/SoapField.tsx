/**
 * One SOAP section: a plain textarea (what is typed is stored exactly, `<` and `>` included) with
 * quick-text expansion on Space or Tab after an abbreviation. Tab after anything else moves on as usual.
 */
import { Textarea } from '@mantine/core';
import { type KeyboardEvent, useLayoutEffect, useRef } from 'react';
import { expandAt } from './quick-text.ts';

export function SoapField(props: {
  id: string;
  label: string;
  value: string;
  readOnly: boolean;
  quickTexts: ReadonlyMap<string, string>;
  onChange(value: string): void;
}) {
  const ref = useRef<HTMLTextAreaElement>(null);
  /** Where the caret goes after an expansion re-renders the value. */
  const caretAfter = useRef<number | null>(null);

  useLayoutEffect(() => {
    const el = ref.current;
    if (el && caretAfter.current !== null) {
      el.setSelectionRange(caretAfter.current, caretAfter.current);
      caretAfter.current = null;
    }
  });

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if ((e.key !== ' ' && e.key !== 'Tab') || e.shiftKey || e.ctrlKey || e.altKey || e.metaKey) return;
    const el = e.currentTarget;
    if (el.selectionStart !== el.selectionEnd) return;
    const expanded = expandAt(el.value, el.selectionStart, props.quickTexts, e.key === ' ' ? ' ' : '');
    if (!expanded) return;
    e.preventDefault();
    caretAfter.current = expanded.caret;
    props.onChange(expanded.value);
  };

  return (
    <Textarea
      ref={ref}
      id={props.id}
      label={props.label}
      value={props.value}
      readOnly={props.readOnly}
      autosize
      minRows={3}
      maxRows={18}
      spellCheck
      data-testid={`soap-${props.label.toLowerCase()}`}
      onKeyDown={onKeyDown}
      onChange={(e) => props.onChange(e.currentTarget.value)}
    />
  );
}
