// The form holds strings as typed; this maps them to the interchange format and back, so
// validation is the same zod schema the CLI and IPC use.
import type { Incident } from '../../../shared/incident/incident-schema';

export interface PersonRow { pseudonym: string; name: string; role: string; community: string; toFile: boolean; toNameToState: boolean; toPublicReport: boolean }
export interface ReportRow { authority: string; reference: string; on: string; status: string }

export interface IncidentFormState {
  date: string;
  time: string;
  /** Offset like -05:00: "18:30" must name one instant wherever the vault is opened. */
  offset: string;
  precision: string;
  place: string;
  lat: string;
  lon: string;
  channel: string;
  perpetrators: string;
  verbatim: string;
  narrative: string;
  riskLevel: string;
  type: string;
  affected: PersonRow[];
  reportedTo: ReportRow[];
  notReportedReason: string;
  notes: string;
}

export function localOffset(date = new Date()): string {
  const minutes = -date.getTimezoneOffset();
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export function emptyForm(): IncidentFormState {
  return {
    date: '', time: '', offset: localOffset(), precision: 'exact', place: '', lat: '', lon: '', channel: '',
    perpetrators: '', verbatim: '', narrative: '', riskLevel: '', type: '', affected: [], reportedTo: [],
    notReportedReason: '', notes: '',
  };
}

export const emptyPerson = (): PersonRow => ({ pseudonym: '', name: '', role: '', community: '', toFile: true, toNameToState: false, toPublicReport: false });
export const emptyReport = (): ReportRow => ({ authority: 'police', reference: '', on: '', status: 'filed' });

const opt = (s: string) => (s.trim() === '' ? undefined : s.trim());

/** Builds the candidate incident; the schema decides whether it is valid. */
export function toIncident(f: IncidentFormState): unknown {
  const coordinates = f.lat && f.lon ? { lat: Number(f.lat), lon: Number(f.lon), source: 'map' as const } : undefined;
  return {
    occurredAt: `${f.date}T${f.time || '00:00'}:00${f.offset}`,
    precision: opt(f.precision),
    place: f.place.trim(),
    coordinates,
    channel: f.channel,
    perpetrators: opt(f.perpetrators),
    verbatim: f.verbatim,
    narrative: opt(f.narrative),
    riskLevel: f.riskLevel,
    type: f.type,
    affected: f.affected.length
      ? f.affected.map((p) => ({
          pseudonym: opt(p.pseudonym), name: opt(p.name), role: opt(p.role), community: opt(p.community),
          consent: { toFile: p.toFile, toNameToState: p.toNameToState, toPublicReport: p.toPublicReport },
        }))
      : undefined,
    reportedTo: f.reportedTo.length
      ? f.reportedTo.map((r) => ({ authority: r.authority, reference: opt(r.reference), on: opt(r.on) ?? null, status: r.status }))
      : undefined,
    notReportedReason: f.reportedTo.length ? undefined : opt(f.notReportedReason),
    notes: opt(f.notes),
  };
}

export function fromIncident(i: Incident): IncidentFormState {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(i.occurredAt);
  return {
    ...emptyForm(),
    date: m?.[1] ?? '', time: m?.[2] ?? '', offset: m?.[3] === 'Z' ? '+00:00' : (m?.[3] ?? localOffset()),
    precision: i.precision ?? 'exact', place: i.place, lat: i.coordinates ? String(i.coordinates.lat) : '',
    lon: i.coordinates ? String(i.coordinates.lon) : '', channel: i.channel, perpetrators: i.perpetrators ?? '',
    verbatim: i.verbatim, narrative: i.narrative ?? '', riskLevel: i.riskLevel, type: i.type,
    affected: (i.affected ?? []).map((p) => ({
      pseudonym: p.pseudonym ?? '', name: p.name ?? '', role: p.role ?? '', community: p.community ?? '',
      toFile: p.consent?.toFile ?? true, toNameToState: p.consent?.toNameToState ?? false, toPublicReport: p.consent?.toPublicReport ?? false,
    })),
    reportedTo: (i.reportedTo ?? []).map((r) => ({ authority: r.authority, reference: r.reference ?? '', on: r.on ?? '', status: r.status ?? 'filed' })),
    notReportedReason: i.notReportedReason ?? '', notes: i.notes ?? '',
  };
}
