/** Rules the schema cannot check alone: dates against today, and references inside the organization. */
import { locationsByIds, providersByIds } from '../organizations/index.ts';
import type { Ctx } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import type { GuarantorInput } from './patients.schemas.ts';

export function todayOf(ctx: Ctx): string {
  return ctx.clock.now().toISOString().slice(0, 10);
}

export function checkDates(ctx: Ctx, p: { birthDate: string; status: string; deceasedDate: string | null }): void {
  const today = todayOf(ctx);
  if (p.birthDate > today) throw invalid('birthDate', 'birth date is in the future');
  if (p.status === 'deceased' && !p.deceasedDate) throw invalid('deceasedDate', 'a deceased patient needs the date of death');
  if (p.status !== 'deceased' && p.deceasedDate) throw invalid('deceasedDate', 'only a deceased patient has a date of death');
  if (p.deceasedDate && p.deceasedDate > today) throw invalid('deceasedDate', 'date of death is in the future');
  if (p.deceasedDate && p.deceasedDate < p.birthDate) throw invalid('deceasedDate', 'date of death is before the birth date');
}

export async function checkReferences(
  ctx: Ctx,
  p: { primaryProviderId?: string | null; preferredLocationId?: string | null; guarantor?: GuarantorInput },
  selfId?: string,
): Promise<void> {
  if (p.primaryProviderId) {
    const [found] = await providersByIds(ctx, [p.primaryProviderId]);
    if (!found) throw invalid('primaryProviderId', 'no such provider in this practice');
  }
  if (p.preferredLocationId) {
    const [found] = await locationsByIds(ctx, [p.preferredLocationId]);
    if (!found) throw invalid('preferredLocationId', 'no such location in this practice');
  }
  if (p.guarantor?.kind === 'patient') {
    if (p.guarantor.patientId === selfId) throw invalid('guarantor.patientId', 'use kind "self" for the patient as guarantor');
    const found = await ctx.db
      .selectFrom('patients')
      .select('id')
      .where('id', '=', p.guarantor.patientId)
      .where('organization_id', '=', ctx.organizationId)
      .where('status', '<>', 'merged')
      .executeTakeFirst();
    if (!found) throw invalid('guarantor.patientId', 'no such patient in this practice');
  }
}
