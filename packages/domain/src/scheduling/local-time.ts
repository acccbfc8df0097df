/** Clinic-local time lives in shared/ (every module dates things on a location's clock); scheduling's own files import it from here. */
export * from '../shared/local-time.ts';
