/** Types of the staff inbox, from the generated API schema. */
import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type StaffThread = Json<paths['/api/staff-threads']['get']['responses'][200]>['items'][number];
export type StaffThreadDetail = Json<paths['/api/staff-threads/{id}']['get']['responses'][200]>;
export type Colleague = Json<paths['/api/staff-colleagues']['get']['responses'][200]>['items'][number];
export type Box = 'mine' | 'sent' | 'unassigned' | 'all';

export const when = (iso: string) => new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
