/**
 * Encounter scenarios: `encounter-save` is the note's autosave, a clinician's draft saved every
 * few seconds of typing (PATCH /api/encounters/{id} with If-Match: row lock, version check,
 * the update, its audit row, and the whole encounter read back). Each connection edits its own
 * draft and sends the version its last save answered, so every request is a real save (200),
 * not a 412.
 */
import { hashPassword } from '@domain/identity/index.ts';
import { npiWithCheckDigit } from '@domain/shared/validation.ts';
import { type BenchServer, BENCH_ADMIN, load, type Scenario } from '../harness.ts';

const SUBJECTIVE =
  'Here for blood pressure follow-up. Taking lisinopril 10 mg daily, no missed doses. Home readings 128-138/78-86. ' +
  'Denies headache, chest pain, shortness of breath. Sleeping well; walks 30 minutes most days.';
const OBJECTIVE =
  'General: alert, in no distress. Neck: supple, no adenopathy. Lungs: clear bilaterally. Heart: regular rate and rhythm, no murmur. ' +
  'Extremities: no edema. BP < 140/90 on recheck.';

/** A clinician of a provider of its own, with `drafts` open ad hoc encounters; answers its token and the drafts. */
async function clinicianWithDrafts(s: BenchServer, drafts: number): Promise<{ token: string; drafts: { id: string; version: number }[] }> {
  const org = s.organizationId;
  const provider = await s.db
    .insertInto('providers')
    .values({
      organization_id: org,
      given_name: 'Bench',
      family_name: `Clinician ${Date.now()}`,
      npi: npiWithCheckDigit(String(400_000_000 + (Date.now() % 99_999_999))),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const location = await s.db
    .insertInto('locations')
    .values({ organization_id: org, name: `Bench Notes Clinic ${Date.now()}`, time_zone: 'America/New_York' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const email = `bench-clinician-${Date.now()}@bench.clinicdesk.dev`;
  const user = await s.db
    .insertInto('users')
    .values({
      organization_id: org,
      email,
      display_name: 'Bench Clinician',
      password_hash: await hashPassword(BENCH_ADMIN.password),
      provider_id: provider.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await s.db.insertInto('user_roles').values({ organization_id: org, user_id: user.id, role: 'clinician', location_id: null }).execute();
  const token = await s.login(email, BENCH_ADMIN.password);
  const patients = await s.patients();
  const out: { id: string; version: number }[] = [];
  for (let i = 0; i < drafts; i++) {
    const r = await fetch(`${s.url}/api/encounters`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ patientId: patients[i % patients.length], providerId: provider.id, locationId: location.id }),
    });
    if (r.status !== 201) throw new Error(`could not open a draft: ${r.status} ${await r.text()}`);
    const e = (await r.json()) as { id: string; version: number };
    out.push({ id: e.id, version: e.version });
  }
  return { token, drafts: out };
}

export const encounterSave: Scenario = {
  name: 'encounter-save',
  description:
    'PATCH /api/encounters/{id} with If-Match: the note autosave (one draft per connection, each save sends the version the last answered)',
  async run(s) {
    const { token, drafts } = await clinicianWithDrafts(s, s.options.connections * 2);
    // Drafts not being saved right now; a connection takes one for each request and gives it back with the answer's version.
    const free = [...drafts];
    let typed = 0;
    interface Ctx {
      draft?: { id: string; version: number };
    }
    return load(
      'encounter-save',
      {
        url: `${s.url}/api/encounters/${drafts[0]?.id}`,
        method: 'PATCH',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        connections: s.options.connections,
        duration: s.options.durationSeconds,
        warmupSeconds: 3,
        requests: [
          {
            setupRequest: (req: Record<string, unknown>, context: Ctx) => {
              const draft = free.shift() ?? drafts[typed % drafts.length];
              if (!draft) return null;
              context.draft = draft;
              const n = typed++;
              const body = {
                note: {
                  subjective: `${SUBJECTIVE} (${n})`,
                  objective: OBJECTIVE,
                  assessment: 'Essential hypertension, improving; goal BP < 130/80 not yet met.',
                  plan: `Increase lisinopril to 20 mg daily. Basic metabolic panel. Return in ${2 + (n % 6)} weeks.`,
                },
              };
              return {
                ...req,
                path: `/api/encounters/${draft.id}`,
                headers: { ...(req.headers as Record<string, string>), 'if-match': `"${draft.version}"` },
                body: JSON.stringify(body),
              };
            },
            onResponse: (_status: number, _body: string, context: Ctx, headers: Record<string, string>) => {
              const draft = context.draft;
              if (!draft) return;
              const etag = /"(\d+)"/.exec(headers.etag ?? '')?.[1];
              if (etag) draft.version = Number(etag);
              free.push(draft);
              context.draft = undefined;
            },
          },
        ],
      } as unknown as Parameters<typeof load>[1],
      { drafts: drafts.length },
    );
  },
};

export const encounterScenarios: Scenario[] = [encounterSave];
