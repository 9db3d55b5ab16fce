// Everything an incident records, as label and value, for the incident screen. Names of people
// affected and witnesses stay in the form: the screen shows pseudonyms, as exports do (T5).
import type { ReactNode } from 'react';
import type { Incident } from '../../../shared/incident/incident-schema';
import { PLACE_PARTS } from '../form/incident-form-model';
import type { useFormats } from '../formats';

type T = (id: string, values?: Record<string, string | number | Date>) => string;
type Formats = ReturnType<typeof useFormats>;

const joined = (parts: (string | undefined | null)[]) => parts.filter((p) => p).join(' · ');

function lines(items: string[]): ReactNode {
  return items.length ? <ul>{items.map((s, k) => <li key={k}>{s}</li>)}</ul> : null;
}

export function incidentFacts(i: Incident, t: T, f: Formats): [string, ReactNode][] {
  const yes = (b: boolean) => (b ? t('form.willingYes') : t('form.willingNo'));
  const consentLine = (c: NonNullable<NonNullable<Incident['affected']>[number]['consent']>) => joined([
    `${t('form.consentFile')}: ${yes(c.toFile)}`, `${t('form.consentState')}: ${yes(c.toNameToState)}`, `${t('form.consentPublic')}: ${yes(c.toPublicReport)}`,
    c.obtainedOn ? `${t('form.consentObtainedOn')} ${f.day(c.obtainedOn)}` : null, c.obtainedBy ? `${t('form.consentObtainedBy')} ${c.obtainedBy}` : null,
  ]);
  const facts: [string, ReactNode][] = [
    [t('form.untilDate'), i.occurredUntil ? f.instant(i.occurredUntil) : null],
    [t('form.precision'), i.precision ? t(`precision.${i.precision}`) : null],
    [t('form.place'), i.place],
    [t('form.sectionPlace'), i.placeDetail ? joined(PLACE_PARTS.map((k) => (i.placeDetail?.[k] ? `${t(`place.${k}`)}: ${i.placeDetail[k]}` : null))) : null],
    [t('form.coordinates'), i.coordinates ? `${i.coordinates.lat}, ${i.coordinates.lon}${i.coordinates.source ? ` (${t(`coordSource.${i.coordinates.source}`)})` : ''}` : null],
    [t('form.channel'), t(`channel.${i.channel}`)],
    [t('form.type'), t(`type.${i.type}`)],
    [t('form.verbatim'), i.verbatim],
    [t('form.perpetrators'), i.perpetrators],
    [t('form.perpetratorDetails'), lines((i.perpetratorDetails ?? []).map((p) => joined([p.actorType ? t(`actorType.${p.actorType}`) : null, p.affiliation, p.description])))],
    [t('form.narrative'), i.narrative],
    [t('form.linkToDefenceWork'), i.linkToDefenceWork],
    [t('form.affected'), lines((i.affected ?? []).map((p) => joined([p.pseudonym || t('incident.noPseudonym'), p.role, p.community, p.consent ? consentLine(p.consent) : null])))],
    [t('form.witnesses'), lines((i.witnesses ?? []).map((w) => joined([
      w.pseudonym || t('incident.noPseudonym'), w.willingToTestify === undefined ? null : `${t('form.willingToTestify')} ${yes(w.willingToTestify)}`,
    ])))],
    [t('form.reports'), (i.reportedTo ?? []).length ? lines((i.reportedTo ?? []).map((r) => joined([
      t(`authority.${r.authority}`), r.reference, r.on ? f.day(r.on) : null, r.status ? t(`reportStatus.${r.status}`) : null,
      r.response ? `${t('form.response')}: ${r.response}` : null, r.responseOn ? `${t('form.responseOn')} ${f.day(r.responseOn)}` : null,
    ]))) : t('incidents.notReported')],
    [t('form.notReportedReason'), i.notReportedReason],
    [t('form.measuresRequested'), i.measuresRequested],
    [t('form.notes'), i.notes],
  ];
  return facts.filter(([, v]) => v !== null && v !== undefined && v !== '');
}
