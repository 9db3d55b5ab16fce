// One section per incident with every field of the field protocol; a field left empty says so,
// because "not recorded" and "nothing happened" mean different things to a prosecutor.
import type { Incident } from '../../../shared/incident/incident-schema';
import { fill, type Messages } from '../messages';
import { COLOR, field, heading, rule, type Doc } from './pdf-layout';
import { formatTime } from './report-cover';

const RISK_COLOR = { low: COLOR.low, medium: COLOR.medium, high: COLOR.high } as const;

function yesNo(m: Messages, v: boolean): string {
  return v ? m.cover.yes : m.cover.no;
}

function people(i: Incident, m: Messages): string | undefined {
  if (!i.affected?.length) return undefined;
  return i.affected
    .map((p) => {
      const who = [p.name, p.pseudonym && p.name ? `(${p.pseudonym})` : p.pseudonym].filter(Boolean).join(' ');
      const consent = p.consent
        ? fill(m.incident.consent, {
            toFile: yesNo(m, p.consent.toFile),
            toNameToState: yesNo(m, p.consent.toNameToState),
            toPublicReport: yesNo(m, p.consent.toPublicReport),
          })
        : undefined;
      // Who obtained it is staff, already shown by role or name as the export chose (export-protection.ts).
      const on = p.consent?.obtainedOn ? fill(m.incident.consentOn, { on: p.consent.obtainedOn }) : undefined;
      const by = p.consent?.obtainedBy ? fill(m.incident.consentBy, { by: p.consent.obtainedBy }) : undefined;
      return [who, p.role, p.community, consent, on, by].filter(Boolean).join(' · ');
    })
    .join('\n');
}

function witnesses(i: Incident, m: Messages): string | undefined {
  if (!i.witnesses?.length) return undefined;
  return i.witnesses
    .map((w) => [w.name ?? w.pseudonym, w.name && w.pseudonym ? `(${w.pseudonym})` : undefined, w.willingToTestify ? m.incident.willingToTestify : undefined]
      .filter(Boolean)
      .join(' '))
    .join('\n');
}

function reports(i: Incident, m: Messages): string | undefined {
  if (!i.reportedTo?.length) return undefined;
  return i.reportedTo
    .map((r) =>
      [m.authority[r.authority], r.reference, r.on, r.status && m.status[r.status], r.response, r.responseOn].filter(Boolean).join(' · '),
    )
    .join('\n');
}

/** Fields the export's protection took out of a recorded value: the report says so rather than "not recorded". */
export interface LeftOut {
  notes: boolean;
  coordinates: boolean;
}

export function renderIncident(doc: Doc, n: number, id: string, i: Incident, m: Messages, language: string, leftOut: LeftOut): void {
  const f = m.incident;
  const show = (label: string, value: string | null | undefined, removed = false): void =>
    field(doc, label, value?.trim() ? value : removed ? f.leftOut : f.notRecorded, value?.trim() ? {} : { color: COLOR.label });
  heading(doc, fill(f.title, { n }));
  field(doc, f.id, id, { mono: true });
  field(doc, f.riskLevel, `${m.riskLevel[i.riskLevel]}: ${m.riskMeaning[i.riskLevel]}`, { color: RISK_COLOR[i.riskLevel] });
  field(doc, f.type, m.type[i.type]);
  field(doc, f.occurredAt, formatTime(i.occurredAt, language));
  show(f.occurredUntil, i.occurredUntil ? formatTime(i.occurredUntil, language) : undefined);
  show(f.precision, i.precision && m.precision[i.precision]);
  field(doc, f.place, i.place);
  show(f.placeDetail, i.placeDetail && Object.values(i.placeDetail).filter(Boolean).join(', '));
  show(f.coordinates, i.coordinates && `${i.coordinates.lat}, ${i.coordinates.lon}${i.coordinates.source ? ` (${f.source}: ${m.coordinateSource[i.coordinates.source]})` : ''}`, leftOut.coordinates);
  field(doc, f.channel, m.channel[i.channel]);
  show(f.perpetrators, i.perpetrators);
  show(f.perpetratorDetails, i.perpetratorDetails?.map((p) =>
    [p.description, p.actorType && m.actorType[p.actorType], p.affiliation && `${f.affiliation}: ${p.affiliation}`].filter(Boolean).join(' · '),
  ).join('\n'));
  show(f.verbatim, i.verbatim && `«${i.verbatim}»`);
  show(f.narrative, i.narrative);
  show(f.linkToDefenceWork, i.linkToDefenceWork);
  show(f.affected, people(i, m));
  show(f.witnesses, witnesses(i, m));
  show(f.reportedTo, reports(i, m));
  show(f.notReportedReason, i.notReportedReason);
  show(f.measuresRequested, i.measuresRequested);
  show(f.notes, i.notes, leftOut.notes);
  rule(doc);
}
