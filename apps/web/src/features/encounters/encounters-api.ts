/**
 * The encounters API as the UI uses it (issue 12's fixed contract), through the typed client.
 * Every call of the feature goes through this file; the types come from the OpenAPI document.
 */
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema';
import type { ApiResult } from '../../api/use-submit.ts';
import { encounterKeys } from './query-keys.ts';

type Json<T> = T extends { content: { 'application/json': infer J } } ? J : never;

export type SoapSection = 'subjective' | 'objective' | 'assessment' | 'plan';
export const SOAP_SECTIONS: readonly { key: SoapSection; label: string }[] = [
  { key: 'subjective', label: 'Subjective' },
  { key: 'objective', label: 'Objective' },
  { key: 'assessment', label: 'Assessment' },
  { key: 'plan', label: 'Plan' },
];
export type Note = Record<SoapSection, string>;
export type NoteFormat = 'plain' | 'markdown';
export const EMPTY_NOTE: Note = { subjective: '', objective: '', assessment: '', plan: '' };

/** GET /api/encounters/{id}. */
export type Encounter = Json<paths['/api/encounters/{id}']['get']['responses'][200]>;
export type EncounterStatus = Encounter['status'];
export type Vitals = Partial<Encounter['vitals']>;
export type Diagnosis = { code: string; description?: string | null };
export type ProcedureLine = { code: string; description?: string | null; modifiers: string[]; units: number; diagnosisPointers: number[] };
export type FollowUp = NonNullable<EncounterPatch['followUp']>;
export type Addendum = Encounter['addenda'][number];
/** What a draft PATCH may carry. */
export type EncounterPatch = NonNullable<paths['/api/encounters/{id}']['patch']['requestBody']>['content']['application/json'];
/** A row of a patient's timeline or of the encounter list. */
export type EncounterSummary = Json<paths['/api/encounters']['get']['responses'][200]>['items'][number];
export type NoteTemplate = Json<paths['/api/note-templates']['get']['responses'][200]>['items'][number];
export type NoteTemplateInput = NonNullable<paths['/api/note-templates']['post']['requestBody']>['content']['application/json'];
export type QuickText = Json<paths['/api/quick-texts']['get']['responses'][200]>['items'][number];

/** The four sections of a template, whichever shape the server sends. */
export function templateNote(t: NoteTemplate): Note {
  return { subjective: t.subjective, objective: t.objective, assessment: t.assessment, plan: t.plan };
}

export const noteOf = (e: Encounter): Note => ({
  subjective: e.note.subjective,
  objective: e.note.objective,
  assessment: e.note.assessment,
  plan: e.note.plan,
});

/** Open means still a draft; anything signed (even awaiting co-signature) is locked. */
export const isDraft = (e: { status: EncounterStatus }) => e.status === 'open';

type SignatureState = { status: EncounterStatus; cosignRequired: boolean; cosignedAt: string | null };

/** Awaiting co-signature: signed by the provider, the supervisor's signature still missing. */
export const awaitingCosign = (e: SignatureState) => e.status === 'signed' && e.cosignRequired && !e.cosignedAt;

/** Open, Signed, or Awaiting co-signature. */
export function displayStatus(e: SignatureState): 'Open' | 'Signed' | 'Awaiting co-signature' {
  if (e.status === 'open') return 'Open';
  return awaitingCosign(e) ? 'Awaiting co-signature' : 'Signed';
}

const byId = (id: string) => ({ params: { path: { id } } });

/** The encounter with its ETag, read fresh (autosave starts from this version). */
export function readEncounter(id: string) {
  return api.GET('/api/encounters/{id}', byId(id));
}

export const etagOf = (result: ApiResult<{ version: number }>): string =>
  result.response.headers.get('etag') ?? (result.data ? `"${result.data.version}"` : '');

export function createEncounter(body: { patientId: string; providerId: string; locationId: string; appointmentId?: string }) {
  return api.POST('/api/encounters', { body });
}

export function patchEncounter(id: string, etag: string, patch: EncounterPatch) {
  return api.PATCH('/api/encounters/{id}', { params: { path: { id } }, headers: { 'if-match': etag }, body: patch });
}

export type SignInput = { password: string } | { totp: string };
export function signEncounter(id: string, body: SignInput) {
  return api.POST('/api/encounters/{id}/sign', { ...byId(id), body });
}
export function cosignEncounter(id: string, body: SignInput) {
  return api.POST('/api/encounters/{id}/cosign', { ...byId(id), body });
}

export function addAddendum(id: string, text: string) {
  return api.POST('/api/encounters/{id}/addenda', { ...byId(id), body: { text } });
}

export const superbillUrl = (id: string) => `/api/encounters/${encodeURIComponent(id)}/superbill.pdf`;

export type EncounterFilter = NonNullable<paths['/api/encounters']['get']['parameters']['query']>;
export function listEncounters(filter: EncounterFilter) {
  return api.GET('/api/encounters', { params: { query: filter } });
}

export function patientEncounters(patientId: string) {
  return api.GET('/api/patients/{id}/encounters', { params: { path: { id: patientId }, query: { limit: 200 } } });
}

/** Without a type: every template (the admin page adds the retired ones); with one: that type's and those for any visit. */
export function listNoteTemplates(opts: { appointmentTypeId?: string | null; includeInactive?: boolean } = {}) {
  return api.GET('/api/note-templates', {
    params: {
      query: {
        ...(opts.appointmentTypeId ? { appointmentTypeId: opts.appointmentTypeId } : {}),
        ...(opts.includeInactive ? { includeInactive: 'true' as const } : {}),
      },
    },
  });
}
export function createNoteTemplate(body: NoteTemplateInput) {
  return api.POST('/api/note-templates', { body });
}
export function patchNoteTemplate(id: string, etag: string, body: Partial<NoteTemplateInput>) {
  return api.PATCH('/api/note-templates/{id}', { ...byId(id), headers: { 'if-match': etag }, body });
}

export function listQuickTexts(opts: { includeInactive?: boolean } = {}) {
  return api.GET('/api/quick-texts', { params: { query: opts.includeInactive ? { includeInactive: 'true' } : {} } });
}
export function createQuickText(body: { abbreviation: string; text: string }) {
  return api.POST('/api/quick-texts', { body });
}
export function patchQuickText(id: string, etag: string, body: { abbreviation?: string; text?: string; active?: boolean }) {
  return api.PATCH('/api/quick-texts/{id}', { ...byId(id), headers: { 'if-match': etag }, body });
}

/** The data of a successful call, or throws the problem (for queries). */
export const data = <T>(call: Promise<ApiResult<T>>): Promise<T> => unwrap(call);

export const quickTextsQuery = (includeInactive = false) =>
  queryOptions({
    queryKey: [...encounterKeys.quickTexts(), { includeInactive }],
    queryFn: () => data(listQuickTexts({ includeInactive })),
    staleTime: 60_000,
  });

export const templatesQuery = (includeInactive = false) =>
  queryOptions({
    queryKey: encounterKeys.templateList(includeInactive),
    queryFn: () => data(listNoteTemplates({ includeInactive })),
    staleTime: 60_000,
  });

export const patientEncountersQuery = (patientId: string) =>
  queryOptions({
    queryKey: encounterKeys.patientTimeline(patientId),
    queryFn: () => data(patientEncounters(patientId)),
  });
