import { z } from 'zod';
import { defineAuditEvents } from '../shared/audit-events.ts';
import { TASK_SOURCES, TASK_STATUSES } from './tasks.tables.ts';

/** The audit events the tasks module writes (see shared/audit-events.ts). A task about a patient is PHI. */
export const tasksAuditEvents = defineAuditEvents({
  'create:task': {
    about: 'a task was made (by hand, or from a call, a message, a letter: its source)',
    details: z.strictObject({ source: z.enum(TASK_SOURCES), sourceId: z.guid().optional() }),
  },
  'update:task': { about: 'a task was edited, completed or reopened (`changes`)', details: z.null() },
  'read:task': { about: 'a task about a patient was opened', details: z.null() },
  'search:task': {
    about: 'a task list was viewed (mine, a location, a patient) with how many rows',
    details: z.strictObject({
      status: z.enum(TASK_STATUSES),
      count: z.number().int().nonnegative(),
      assignee: z.string().optional(),
      locationId: z.guid().optional(),
      patientId: z.guid().optional(),
    }),
  },
});
