// The form holds strings as typed; this maps them to the interchange format and back, so
// validation is the same zod schema the CLI and IPC use. Every field of the format has a
// place in the form, and an edit keeps every value the user did not touch exactly as stored
// (keep-unchanged.ts), so an incident imported with the CLI loses nothing by being edited.
import type { Incident } from '../../../shared/incident/incident-schema';
import { inOffset, joinInstant, localOffset, splitInstant } from './instant-parts';
import { keepUnchanged, withoutUndefined, type RowOrigins } from './keep-unchanged';

/** `origin` is the row's index in the stored list; a row the user added has none. */
interface Row { origin?: number }
export interface PersonRow extends Row {
  pseudonym: string; name: string; role: string; community: string;
  toFile: boolean; toNameToState: boolean; toPublicReport: boolean; obtainedOn: string; obtainedBy: string;
}
export interface WitnessRow extends Row { pseudonym: string; name: string; willingToTestify: '' | 'yes' | 'no' }
export interface ReportRow extends Row { authority: string; reference: string; on: string; status: string; response: string; responseOn: string }
export interface PerpetratorRow extends Row { description: string; actorType: string; affiliation: string }

export const PLACE_PARTS = ['country', 'region', 'province', 'district', 'community', 'site'] as const;
export type PlacePart = (typeof PLACE_PARTS)[number];

export interface IncidentFormState {
  date: string;
  time: string;
  /** Offset like -05:00: "18:30" must name one instant wherever the vault is opened. */
  offset: string;
  /** The end of a time range, in the same offset as the start. */
  untilDate: string;
  untilTime: string;
  precision: string;
  place: string;
  placeDetail: Record<PlacePart, string>;
  lat: string;
  lon: string;
  coordSource: string;
  channel: string;
  perpetrators: string;
  perpetratorDetails: PerpetratorRow[];
  verbatim: string;
  narrative: string;
  linkToDefenceWork: string;
  riskLevel: string;
  type: string;
  affected: PersonRow[];
  witnesses: WitnessRow[];
  reportedTo: ReportRow[];
  notReportedReason: string;
  measuresRequested: string;
  notes: string;
}

export { localOffset };

const emptyPlace = (): Record<PlacePart, string> => ({ country: '', region: '', province: '', district: '', community: '', site: '' });

/** A blank form; its offset is the organisation's time zone's when the caller knows it. */
export function emptyForm(offset = localOffset()): IncidentFormState {
  return {
    date: '', time: '', offset, untilDate: '', untilTime: '', precision: 'exact', place: '', placeDetail: emptyPlace(),
    lat: '', lon: '', coordSource: 'map', channel: '', perpetrators: '', perpetratorDetails: [], verbatim: '', narrative: '',
    linkToDefenceWork: '', riskLevel: '', type: '', affected: [], witnesses: [], reportedTo: [], notReportedReason: '',
    measuresRequested: '', notes: '',
  };
}

export const emptyPerson = (): PersonRow => ({
  pseudonym: '', name: '', role: '', community: '', toFile: true, toNameToState: false, toPublicReport: false, obtainedOn: '', obtainedBy: '',
});
export const emptyWitness = (): WitnessRow => ({ pseudonym: '', name: '', willingToTestify: '' });
export const emptyReport = (): ReportRow => ({ authority: 'police', reference: '', on: '', status: 'filed', response: '', responseOn: '' });
export const emptyPerpetrator = (): PerpetratorRow => ({ description: '', actorType: '', affiliation: '' });

/** A blank answer is no answer; anything else is kept as typed. Drafts saved before a field existed lack it. */
const opt = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : s);
const list = <T>(rows: T[] | undefined) => (rows?.length ? rows : undefined);
const number = (s: string) => Number(s.trim().replace(',', '.'));

/** Mapped rows with where each came from; a row the user added and left blank is no row. */
function rowsOf<R extends Row>(rows: R[] | undefined, map: (r: R) => Record<string, unknown>): { rows?: Record<string, unknown>[]; origins: (number | undefined)[] } {
  const kept = (rows ?? []).map((r) => ({ value: map(r), origin: r.origin })).filter((m) => m.origin !== undefined || Object.values(m.value).some((v) => v !== undefined));
  return { rows: list(kept.map((m) => m.value)), origins: kept.map((m) => m.origin) };
}

/** The candidate incident as the form alone says it, before the stored values are kept. */
function mapForm(f: IncidentFormState): { candidate: Record<string, unknown>; origins: RowOrigins } {
  const hasCoordinates = (opt(f.lat) ?? opt(f.lon)) !== undefined;
  const detail = Object.fromEntries(PLACE_PARTS.map((k) => [k, opt(f.placeDetail?.[k])]).filter(([, v]) => v !== undefined));
  const perpetratorDetails = rowsOf(f.perpetratorDetails, (p) => ({ description: opt(p.description), actorType: opt(p.actorType), affiliation: opt(p.affiliation) }));
  const affected = rowsOf(f.affected, (p) => ({
    pseudonym: opt(p.pseudonym), name: opt(p.name), role: opt(p.role), community: opt(p.community),
    consent: { toFile: p.toFile, toNameToState: p.toNameToState, toPublicReport: p.toPublicReport, obtainedOn: opt(p.obtainedOn), obtainedBy: opt(p.obtainedBy) },
  }));
  const witnesses = rowsOf(f.witnesses, (w) => ({
    pseudonym: opt(w.pseudonym), name: opt(w.name), willingToTestify: w.willingToTestify ? w.willingToTestify === 'yes' : undefined,
  }));
  const reportedTo = rowsOf(f.reportedTo, (r) => ({
    authority: r.authority, reference: opt(r.reference), on: opt(r.on), status: opt(r.status), response: opt(r.response), responseOn: opt(r.responseOn),
  }));
  const candidate = {
    occurredAt: joinInstant({ date: f.date, time: f.time, offset: f.offset }),
    // An end time alone ends on the day it started.
    occurredUntil: (opt(f.untilDate) ?? opt(f.untilTime)) ? joinInstant({ date: opt(f.untilDate) ?? f.date, time: f.untilTime ?? '', offset: f.offset }) : undefined,
    precision: opt(f.precision),
    place: opt(f.place) ?? '',
    placeDetail: Object.keys(detail).length ? detail : undefined,
    coordinates: hasCoordinates ? { lat: number(f.lat), lon: number(f.lon), source: opt(f.coordSource) } : undefined,
    channel: f.channel,
    perpetrators: opt(f.perpetrators),
    perpetratorDetails: perpetratorDetails.rows,
    verbatim: f.verbatim,
    narrative: opt(f.narrative),
    linkToDefenceWork: opt(f.linkToDefenceWork),
    riskLevel: f.riskLevel,
    type: f.type,
    affected: affected.rows,
    witnesses: witnesses.rows,
    reportedTo: reportedTo.rows,
    // The reason is asked only while no report is recorded.
    notReportedReason: reportedTo.rows ? undefined : opt(f.notReportedReason),
    measuresRequested: opt(f.measuresRequested),
    notes: opt(f.notes),
  };
  const origins = { affected: affected.origins, witnesses: witnesses.origins, reportedTo: reportedTo.origins, perpetratorDetails: perpetratorDetails.origins };
  return { candidate, origins };
}

/**
 * Builds the candidate incident; the schema decides whether it is valid. Given the stored
 * incident the form was opened on, every value the user left alone is the stored one.
 */
export function toIncident(f: IncidentFormState, stored?: Incident): unknown {
  const edited = mapForm(f);
  const candidate = withoutUndefined(edited.candidate);
  return stored ? keepUnchanged(candidate, withoutUndefined(mapForm(fromIncident(stored)).candidate), stored, edited.origins) : candidate;
}

const yesNo = (b: boolean | undefined): WitnessRow['willingToTestify'] => (b === undefined ? '' : b ? 'yes' : 'no');

export function fromIncident(i: Incident): IncidentFormState {
  const at = splitInstant(i.occurredAt);
  const offset = at?.offset ?? localOffset();
  const until = i.occurredUntil ? splitInstant(inOffset(i.occurredUntil, offset)) : null;
  return {
    ...emptyForm(),
    date: at?.date ?? '', time: at?.time ?? '', offset, untilDate: until?.date ?? '', untilTime: until?.time ?? '',
    precision: i.precision ?? 'exact', place: i.place, placeDetail: { ...emptyPlace(), ...i.placeDetail },
    lat: i.coordinates ? String(i.coordinates.lat) : '', lon: i.coordinates ? String(i.coordinates.lon) : '',
    coordSource: i.coordinates?.source ?? 'map', channel: i.channel, perpetrators: i.perpetrators ?? '',
    perpetratorDetails: (i.perpetratorDetails ?? []).map((p, origin) => ({
      origin, description: p.description ?? '', actorType: p.actorType ?? '', affiliation: p.affiliation ?? '',
    })),
    verbatim: i.verbatim, narrative: i.narrative ?? '', linkToDefenceWork: i.linkToDefenceWork ?? '', riskLevel: i.riskLevel, type: i.type,
    affected: (i.affected ?? []).map((p, origin) => ({
      origin, pseudonym: p.pseudonym ?? '', name: p.name ?? '', role: p.role ?? '', community: p.community ?? '',
      toFile: p.consent?.toFile ?? true, toNameToState: p.consent?.toNameToState ?? false, toPublicReport: p.consent?.toPublicReport ?? false,
      obtainedOn: p.consent?.obtainedOn ?? '', obtainedBy: p.consent?.obtainedBy ?? '',
    })),
    witnesses: (i.witnesses ?? []).map((w, origin) => ({ origin, pseudonym: w.pseudonym ?? '', name: w.name ?? '', willingToTestify: yesNo(w.willingToTestify) })),
    reportedTo: (i.reportedTo ?? []).map((r, origin) => ({
      origin, authority: r.authority, reference: r.reference ?? '', on: r.on ?? '', status: r.status ?? 'filed',
      response: r.response ?? '', responseOn: r.responseOn ?? '',
    })),
    notReportedReason: i.notReportedReason ?? '', measuresRequested: i.measuresRequested ?? '', notes: i.notes ?? '',
  };
}
