/**
 * The patient search box in the shell header. `/` anywhere focuses it (except while typing
 * in a field, where `/` is just a character); Enter opens the patients page with the results.
 */
import { Kbd, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';

/** True when the key press belongs to something the user is typing into. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

export function HeaderPatientSearch() {
  const [q, setQ] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const navigate = useNavigate();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || isTyping(e.target)) return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <TextInput
      ref={input}
      size="xs"
      w={220}
      visibleFrom="sm"
      aria-label="Find a patient"
      placeholder="Find a patient"
      leftSection={<IconSearch size={14} />}
      rightSection={<Kbd size="xs">/</Kbd>}
      value={q}
      onChange={(e) => setQ(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') input.current?.blur();
        if (e.key !== 'Enter' || !q.trim()) return;
        e.preventDefault();
        navigate(`/patients?${new URLSearchParams({ q: q.trim() })}`);
        setQ('');
        input.current?.blur();
      }}
      data-testid="header-patient-search"
    />
  );
}
