import { useSyncExternalStore } from 'react';
import { getSelectedLocation, subscribeSelectedLocation } from '../api/selected-location.ts';

/** The selected location id (re-renders when it changes). */
export function useSelectedLocation(): string | null {
  return useSyncExternalStore(subscribeSelectedLocation, getSelectedLocation);
}
