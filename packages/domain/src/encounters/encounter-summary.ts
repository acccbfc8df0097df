/**
 * Encounter summaries for lists (the timeline, a provider's unsigned notes, the encounter of an
 * appointment): the patient's and provider's names, signature state and addenda count, in one
 * statement with keyset pages.
 */
import { sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import type { EncounterSummary } from './encounters.schemas.ts';

export interface SummaryRow {
  id: string;
  status: 'open' | 'signed';
  patient_id: string;
  patient_name: string;
  restricted: boolean;
  provider_id: string;
  provider_name: string;
  location_id: string;
  appointment_id: string | null;
  date_of_service: string;
  signed_at: Date | null;
  cosign_required: boolean;
  cosigned_at: Date | null;
  addenda_count: number;
  summary: string;
  created_at: Date;
  /** created_at as PostgreSQL prints it (microseconds kept), for cursors. */
  created_key: string;
  updated_at: Date;
  version: number;
}

/** The summary columns of the organization's encounters (rows read as SummaryRow). */
export function summaryQuery(ctx: Ctx) {
  return ctx.db
    .selectFrom('encounters')
    .innerJoin('patient_names as pn', 'pn.id', 'encounters.patient_id')
    .innerJoin('provider_directory as pr', 'pr.id', 'encounters.provider_id')
    .select([
      'encounters.id',
      'encounters.status',
      'encounters.patient_id',
      sql<string>`pn.given_name || ' ' || pn.family_name`.as('patient_name'),
      'pn.restricted',
      'encounters.provider_id',
      sql<string>`pr.given_name || ' ' || pr.family_name || case when pr.credentials <> '' then ', ' || pr.credentials else '' end`.as(
        'provider_name',
      ),
      'encounters.location_id',
      'encounters.appointment_id',
      'encounters.date_of_service',
      'encounters.signed_at',
      'encounters.cosign_required',
      'encounters.cosigned_at',
      sql<number>`(select count(*)::int from encounter_addenda a where a.encounter_id = encounters.id)`.as('addenda_count'),
      sql<string>`left(split_part(btrim(encounters.assessment, E' \\n\\r\\t'), E'\\n', 1), 200)`.as('summary'),
      'encounters.created_at',
      sql<string>`encounters.created_at::text`.as('created_key'),
      'encounters.updated_at',
      'encounters.version',
    ])
    .where('encounters.organization_id', '=', ctx.organizationId);
}

export function toSummary(r: SummaryRow): EncounterSummary {
  return {
    id: r.id,
    status: r.status,
    patientId: r.patient_id,
    patientName: r.patient_name,
    providerId: r.provider_id,
    providerName: r.provider_name,
    locationId: r.location_id,
    appointmentId: r.appointment_id,
    dateOfService: r.date_of_service,
    signedAt: r.signed_at ? new Date(r.signed_at).toISOString() : null,
    cosignRequired: r.cosign_required,
    cosignedAt: r.cosigned_at ? new Date(r.cosigned_at).toISOString() : null,
    addendaCount: r.addenda_count,
    summary: r.summary,
    updatedAt: new Date(r.updated_at).toISOString(),
    version: r.version,
  };
}

/** Keyset cursors: the sort key of the page's last row, opaque to clients. */
export function encodeCursor(parts: readonly string[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, size: number): string[] | null {
  if (!cursor) return null;
  try {
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parts) && parts.length === size && parts.every((p) => typeof p === 'string' && p.length < 100)) return parts;
  } catch {
    // fall through
  }
  throw invalid('querystring.cursor', 'is not a cursor this list gave');
}
