/**
 * The location the user works at, sent as `x-location-id` on every request. Kept in
 * sessionStorage only (not PHI; gone when the tab closes) and observable from React.
 */
const KEY = 'clinicdesk.locationId';
const listeners = new Set<() => void>();

export function getSelectedLocation(): string | null {
  return sessionStorage.getItem(KEY);
}

export function setSelectedLocation(id: string | null): void {
  if (id === getSelectedLocation()) return;
  if (id) sessionStorage.setItem(KEY, id);
  else sessionStorage.removeItem(KEY);
  for (const l of listeners) l();
}

export function subscribeSelectedLocation(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
