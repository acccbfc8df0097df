/** Types of the training API, from the generated schema, and the words the screens show. */
import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type TrainingItem = Json<paths['/api/training-items']['get']['responses'][200]>['items'][number];
export type Assignment = Json<paths['/api/training-assignments']['get']['responses'][200]>['items'][number];
export type OverdueReport = Json<paths['/api/training/overdue']['get']['responses'][200]>;

export const CATEGORY_LABELS: Record<TrainingItem['category'], string> = {
  hipaa: 'HIPAA',
  osha: 'OSHA',
  procedure: 'Office procedure',
  policy: 'Policy',
  other: 'Other',
};

export const STATUS_COLORS: Record<Assignment['status'], string> = { open: 'blue', overdue: 'red', completed: 'green' };
export const STATUS_LABELS: Record<Assignment['status'], string> = { open: 'Due', overdue: 'Overdue', completed: 'Completed' };
