import { invalid } from '../shared/errors.ts';

/** Cursor of the date-ordered worklists: the due date and id of the last item. */
export function encodeCursor(dueDate: string, id: string): string {
  return Buffer.from(`${dueDate}|${id}`).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): { dueDate: string; id: string } | null {
  if (!cursor) return null;
  const [dueDate, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!dueDate || !id || !/^\d{4}-\d{2}-\d{2}$/.test(dueDate) || !/^[0-9a-f-]{36}$/i.test(id))
    throw invalid('cursor', 'not a cursor from this list');
  return { dueDate, id };
}
