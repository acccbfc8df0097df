import { sql } from 'kysely';
import { requirePermission } from '../access/index.ts';
import { insertAudited, recordAudit } from '../audit/index.ts';
import { inTransaction, type Ctx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { checkDates, checkReferences } from './check-patient-rules.ts';
import { findRegistrationClashes } from './find-duplicates.ts';
import { PATIENT_RECORD_COLUMNS, registrationHash, toPatient, toPatientColumns } from './patient-row.ts';
import type { DuplicateCandidate, Patient, PatientData } from './patients.schemas.ts';

/**
 * Register a patient with a new MRN. A similar name with the same birth date,
 * or the same phone, answers POSSIBLE_DUPLICATE with the candidates unless the
 * clerk confirms (`confirmNotDuplicate`, audited); an identical registration is
 * refused even then, so a retried request never makes two patients.
 */
export async function createPatient(ctx: Ctx, input: PatientData): Promise<Patient> {
  requirePermission(ctx, 'patient:write');
  checkDates(ctx, input);
  await checkReferences(ctx, input);
  const hash = registrationHash(input);
  let shown: DuplicateCandidate[] = [];
  try {
    return await inTransaction(ctx, async (tx) => {
      // Registrations with the same birth date queue behind each other, so two
      // simultaneous identical requests cannot both pass the duplicate check.
      await sql`select pg_advisory_xact_lock(hashtext(${`patients:${tx.organizationId}:${input.birthDate}`}))`.execute(tx.db);
      const { candidates, identical } = await findRegistrationClashes(tx, input, { registrationHash: hash });
      if (candidates.length && !input.confirmNotDuplicate) {
        shown = candidates;
        throw new AppError('POSSIBLE_DUPLICATE', 'a similar patient is already registered; check the candidates or confirm', {
          extra: { candidates },
        });
      }
      if (identical) {
        shown = [identical];
        throw new AppError('ALREADY_EXISTS', 'an identical registration exists', { extra: { candidates: shown } });
      }
      const { confirmNotDuplicate: _c, ...data } = input;
      const overridden = candidates.length ? { confirmedNotDuplicate: true, candidateIds: candidates.map((c) => c.id) } : {};
      const careTeam = input.restricted && tx.actor.kind === 'user' ? [tx.actor.userId] : [];
      // The row and its audit event in one statement; the MRN comes from the sequence.
      const [row] = await insertAudited(
        tx,
        tx.db
          .insertInto('patients')
          .values({
            ...(toPatientColumns(data) as { given_name: string; family_name: string; birth_date: string }),
            organization_id: tx.organizationId,
            mrn: sql<string>`nextval('patient_mrn_seq')::text`,
            registration_hash: hash,
          })
          .returning(PATIENT_RECORD_COLUMNS),
        {
          action: 'create',
          resourceType: 'patient',
          patientRow: true,
          details: sql`jsonb_build_object('mrn', w.mrn) || ${JSON.stringify({ ...overridden, ...(careTeam.length ? { careTeam } : {}) })}::jsonb`,
        },
      );
      if (!row) throw new Error('insert returned no row');
      // Registering a record as restricted must not lock the clerk out of it.
      if (careTeam.length)
        await tx.db
          .insertInto('patient_care_team')
          .values(careTeam.map((userId) => ({ organization_id: tx.organizationId, patient_id: row.id, user_id: userId })))
          .execute();
      return toPatient(row);
    });
  } catch (e) {
    if (shown.length) {
      // The candidates' names and birth dates were disclosed to the clerk: that is a read.
      await recordAudit(
        { ...ctx, db: ctx.baseDb },
        { action: 'duplicate-check', resourceType: 'patient', details: { candidateIds: shown.map((c) => c.id) } },
      ).catch(() => undefined);
    }
    throw e;
  }
}
