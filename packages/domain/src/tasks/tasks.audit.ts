import { z } from 'zod';
import { defineAuditEvents } from '../shared/audit-events.ts';
import { TASK_LIST_STATUSES } from './tasks.schemas.ts';
import { TASK_KINDS, TASK_SOURCES } from './tasks.tables.ts';

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
      status: z.enum(TASK_LIST_STATUSES),
      count: z.number().int().nonnegative(),
      assignee: z.string().optional(),
      locationId: z.guid().optional(),
      patientId: z.guid().optional(),
      projectId: z.guid().optional(),
    }),
  },
  'create:project': { about: 'a project was made', details: z.null() },
  'update:project': { about: 'a project was edited, completed or archived (`changes`)', details: z.null() },
  'update:task_sla': {
    about: 'a kind of task got a service level, a new one, or lost it',
    details: z.strictObject({ kind: z.enum(TASK_KINDS), hours: z.number().int().nullable() }),
  },
});
