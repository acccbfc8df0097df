import { type Permission, permissionsAt, ROLE_PERMISSIONS, requirePermission } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';

/**
 * Whether the caller may act on a campaign: recalls belong to the practice, not a location, so a
 * campaign without a location needs `permission` from a practice-wide role; one with a location
 * needs it at that location (a role granted at one location never acts at another). Otherwise 404,
 * as for another practice's campaign.
 */
export function requireCampaignScope(tx: Ctx, permission: Permission, locationId: string | null): void {
  requirePermission(tx, permission);
  if (tx.actor.kind !== 'user') return;
  const ok = locationId
    ? permissionsAt(tx.actor.roles, locationId).has(permission)
    : tx.actor.roles.some((r) => r.locationId === null && ROLE_PERMISSIONS[r.role].includes(permission));
  if (!ok) throw notFound('campaign');
}
