/**
 * What a letter is merged with, gathered from the modules that own it through their public
 * functions (patients, organizations, scheduling, the ledger, follow-ups). Only what the template
 * uses is read, so a recall letter never reads the schedule and a note never reads the books;
 * each of those reads is audited by its owner.
 */
import { listPatientRecalls } from '../followups/index.ts';
import { openBalances } from '../ledger/index.ts';
import { listLocations, locationLetterhead, providersByIds } from '../organizations/index.ts';
import type { Location, Provider } from '../organizations/index.ts';
import { getPatient, guarantorsOf, type Patient } from '../patients/index.ts';
import { listPatientAppointments, loadAppointmentFacts } from '../scheduling/index.ts';
import type { Ctx } from '../shared/context.ts';
import { AppError, notFound } from '../shared/errors.ts';
import type { Letterhead } from '../shared/pdf/index.ts';
import { dollarsText } from '../shared/validation.ts';
import { fieldsOf, type MergeValues } from './merge-fields.ts';

export interface LetterContext {
  appointmentId?: string | undefined;
  recallId?: string | undefined;
  providerId?: string | undefined;
  locationId?: string | undefined;
}

export interface MergedLetterFacts {
  values: MergeValues;
  /** Name and address lines the letter is addressed to. */
  recipient: { name: string; address: string[] };
  letterhead: Letterhead;
  locationId: string;
  zone: string;
  /** The signing provider (a signature line), when one was named. */
  signer: { id: string; name: string } | null;
  appointmentId: string | null;
  recallId: string | null;
  /** The date printed on the letter, as words, at the location. */
  dateLine: string;
}

const providerName = (p: Provider) => `${p.givenName} ${p.familyName}${p.credentials ? `, ${p.credentials}` : ''}`;
const patientName = (p: Patient) => [p.givenName, p.middleName, p.familyName, p.suffix].filter(Boolean).join(' ');
const usDate = (d: string) => `${d.slice(5, 7)}/${d.slice(8, 10)}/${d.slice(0, 4)}`;

function addressLines(a: { line1: string; line2?: string | null; city: string; state: string; postalCode: string } | null): string[] {
  if (!a) return [];
  return [a.line1, a.line2 ?? '', `${a.city}, ${a.state} ${a.postalCode}`].filter(Boolean);
}

function locationAddress(l: Location): string[] {
  return [l.addressLine1, l.addressLine2, [[l.city, l.state].filter(Boolean).join(', '), l.postalCode].filter(Boolean).join(' ')].filter(
    (s): s is string => Boolean(s),
  );
}

/** The calendar day at `zone` of an instant, YYYY-MM-DD. */
export function dayAt(instant: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}
const longDate = (instant: Date, zone: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }).format(instant);
const timeOf = (instant: Date, zone: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', minute: '2-digit' }).format(instant);
const dayWords = (day: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' }).format(
    new Date(`${day}T12:00:00Z`),
  );

/** The letterhead location: the one asked for, else the desk's, else the practice's first. */
export async function letterLocation(tx: Ctx, locationId: string | undefined) {
  const id = locationId ?? tx.locationId ?? (await listLocations(tx))[0]?.id;
  const found = id ? await locationLetterhead(tx, id) : null;
  if (!found) throw notFound('location');
  return found;
}

/**
 * Everything `body` needs for this patient. An appointment, recall or provider named in
 * `context` must be this patient's and this practice's (404 otherwise, as for a missing one).
 */
export async function gatherMergeFacts(tx: Ctx, body: string, patientId: string, context: LetterContext): Promise<MergedLetterFacts> {
  const fields = new Set(fieldsOf(body));
  const uses = (group: string) => [...fields].some((f) => f.startsWith(`${group}.`));
  const patient = await getPatient(tx, patientId);
  if (patient.mergedIntoId) throw new AppError('CONFLICT', 'this record was merged: write to the surviving record');
  const { practice, location } = await letterLocation(tx, context.locationId);
  const zone = location.timeZone;
  const now = tx.clock.now();
  const today = dayAt(now, zone);
  const values: MergeValues = {
    'patient.firstName': patient.preferredName ?? patient.givenName,
    'patient.lastName': patient.familyName,
    'patient.fullName': patientName(patient),
    'patient.birthDate': usDate(patient.birthDate),
    'patient.address': addressLines(patient.address).join('\n'),
    'practice.name': practice,
    'location.name': location.name,
    'location.phone': location.phone ?? '',
    'location.address': locationAddress(location).join(', '),
    today: dayWords(today),
  };
  let recipient = { name: patientName(patient), address: addressLines(patient.address) };

  if (uses('guarantor')) {
    const g = (await guarantorsOf(tx, [patientId])).get(patientId);
    if (g) {
      const name = `${g.givenName} ${g.familyName}`;
      values['guarantor.name'] = name;
      values['guarantor.address'] = addressLines(g.address).join('\n');
      // A bill is addressed to whoever answers for it.
      recipient = { name, address: addressLines(g.address) };
    }
  }

  let signer: MergedLetterFacts['signer'] = null;
  if (context.providerId) {
    const [p] = await providersByIds(tx, [context.providerId]);
    if (!p) throw notFound('provider');
    signer = { id: p.id, name: providerName(p) };
    values['provider.name'] = signer.name;
    values['provider.npi'] = p.npi;
  }

  let appointmentId: string | null = null;
  if (context.appointmentId || uses('appointment')) {
    const visit = await findVisit(tx, patientId, context.appointmentId, now);
    if (visit) {
      appointmentId = visit.id;
      const [withWhom] = await providersByIds(tx, [visit.providerId]);
      const where = visit.locationId === location.id ? location : (await locationLetterhead(tx, visit.locationId))?.location;
      const visitZone = where?.timeZone ?? zone;
      values['appointment.date'] = longDate(visit.startsAt, visitZone);
      values['appointment.time'] = timeOf(visit.startsAt, visitZone);
      values['appointment.start'] = `${longDate(visit.startsAt, visitZone)} at ${timeOf(visit.startsAt, visitZone)}`;
      if (withWhom) values['appointment.provider'] = providerName(withWhom);
      if (where) values['appointment.location'] = [where.name, ...locationAddress(where)].join(', ');
    }
  }

  if (uses('balance')) {
    const { items } = await openBalances(tx, { today, patientIds: [patientId] });
    values['balance.due'] = dollarsText(Math.max(items[0]?.patientCents ?? 0, 0));
  }

  let recallId: string | null = null;
  if (context.recallId || uses('recall')) {
    const { items } = await listPatientRecalls(tx, patientId);
    const recall = context.recallId
      ? items.find((r) => r.id === context.recallId)
      : items.find((r) => r.status === 'due' || r.status === 'contacted');
    if (context.recallId && !recall) throw notFound('recall');
    if (recall) {
      recallId = recall.id;
      values['recall.type'] = recall.label ?? recall.recallType.replace(/_/g, ' ');
      values['recall.dueDate'] = dayWords(recall.dueDate);
    }
  }

  return {
    values,
    recipient,
    letterhead: { practiceName: practice, locationName: location.name, addressLines: locationAddress(location), phone: location.phone },
    locationId: location.id,
    zone,
    signer,
    appointmentId,
    recallId,
    dateLine: dayWords(today),
  };
}

/** The visit named (this patient's, else 404), or the patient's next booked one (none: null). */
async function findVisit(tx: Ctx, patientId: string, appointmentId: string | undefined, now: Date) {
  if (appointmentId) {
    const facts = await loadAppointmentFacts(tx.db, tx.organizationId, appointmentId);
    if (!facts || facts.patientId !== patientId) throw notFound('appointment');
    return { id: facts.id, providerId: facts.providerId, locationId: facts.locationId, startsAt: facts.startsAt };
  }
  const { items } = await listPatientAppointments(tx, patientId);
  const next = items
    .filter((a) => (a.status === 'scheduled' || a.status === 'confirmed') && new Date(a.start) >= now)
    .sort((a, b) => a.start.localeCompare(b.start))[0];
  return next ? { id: next.id, providerId: next.providerId, locationId: next.locationId, startsAt: new Date(next.start) } : null;
}
