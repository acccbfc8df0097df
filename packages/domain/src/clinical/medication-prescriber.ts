import { providersByIds } from '../organizations/index.ts';
import type { Ctx } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';

export interface PrescriberColumns {
  prescriber_provider_id: string | null;
  prescriber_name: string | null;
}

/** A medication's prescriber: a provider of the practice (checked) or an outside prescriber by name, not both. */
export async function medicationPrescriber(
  tx: Ctx,
  input: { prescriberId?: string | null; prescriberName?: string | null },
): Promise<PrescriberColumns> {
  if (input.prescriberId && input.prescriberName) {
    throw invalid('prescriberName', 'Choose a provider of the practice or name an outside prescriber, not both.');
  }
  if (input.prescriberId) {
    const [provider] = await providersByIds(tx, [input.prescriberId]);
    if (!provider) throw invalid('prescriberId', 'Choose a provider of the practice.');
    return { prescriber_provider_id: provider.id, prescriber_name: null };
  }
  return { prescriber_provider_id: null, prescriber_name: input.prescriberName ?? null };
}
