import type { StatementIssuedPayload } from '../statements/index.ts';
import type { Ctx } from '../shared/context.ts';

/** statement.issued (in the run's transaction): the guarantor's last statement date and dunning level. */
export async function recordStatement(tx: Ctx, s: StatementIssuedPayload): Promise<{ recorded: boolean }> {
  const values = {
    organization_id: tx.organizationId,
    guarantor_key: s.guarantorKey,
    last_statement_id: s.statementId,
    last_statement_on: s.issuedOn,
    last_statement_level: s.dunningLevel,
    updated_at: tx.clock.now(),
  };
  const row = await tx.db
    .insertInto('collection_accounts')
    .values(values)
    .onConflict((oc) =>
      oc
        .columns(['organization_id', 'guarantor_key'])
        .doUpdateSet({
          last_statement_id: s.statementId,
          last_statement_on: s.issuedOn,
          last_statement_level: s.dunningLevel,
          updated_at: values.updated_at,
        })
        .where((eb) =>
          eb.or([eb('collection_accounts.last_statement_on', 'is', null), eb('collection_accounts.last_statement_on', '<=', s.issuedOn)]),
        ),
    )
    .returning('guarantor_key')
    .executeTakeFirst();
  return { recorded: row !== undefined };
}
