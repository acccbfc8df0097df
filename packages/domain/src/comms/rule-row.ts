import type { Selectable } from 'kysely';
import type { ReminderRule } from './comms.schemas.ts';
import type { ReminderRulesTable } from './comms.tables.ts';

export const toReminderRule = (r: Selectable<ReminderRulesTable>): ReminderRule => ({
  id: r.id,
  hoursBefore: r.hours_before,
  channel: r.channel,
  active: r.active,
  createdAt: r.created_at.toISOString(),
});

/** 23505 on (organization, channel, hours): the practice already has that rule. */
export { isUniqueViolation } from '../shared/errors.ts';
