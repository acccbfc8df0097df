import { X12Error } from '@x12/index.ts';
import { AppError } from '../shared/errors.ts';

/** Runs an X12 reader; a file it refuses answers 400 naming the fault and its segment number. */
export function readOrRefuse<T>(kind: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (!(e instanceof X12Error)) throw e;
    const where = e.segmentNumber > 0 ? ` at segment ${e.segmentNumber}${e.segmentId ? ` (${e.segmentId})` : ''}` : '';
    const message = `not a readable ${kind}: ${e.message}${where}`;
    throw new AppError('VALIDATION_FAILED', message, {
      errors: [{ path: 'body', message }],
      extra: { x12Code: e.code, segmentNumber: e.segmentNumber, segmentId: e.segmentId },
    });
  }
}

export const dollars = (cents: number) =>
  `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
