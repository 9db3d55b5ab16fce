// Recording an incident the way the field protocol asks. Every change autosaves a draft,
// encrypted in the vault, so an interrupted evening's account is not lost.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { CHANNELS, COORDINATE_SOURCES, INCIDENT_TYPES, PRECISIONS, incidentSchema, type Incident } from '../../../shared/incident/incident-schema';
import { api, errorText, unwrap } from '../api';
import { DateInput } from '../components/DateInput';
import { ErrorNote, Field } from '../components/Field';
import { Section } from '../components/Section';
import { TimeInput } from '../components/TimeInput';
import { PeopleFields } from '../form/PeopleFields';
import { PerpetratorFields } from '../form/PerpetratorFields';
import { ReportsFields } from '../form/ReportsFields';
import { RiskChoice } from '../form/RiskChoice';
import { WitnessFields } from '../form/WitnessFields';
import { PLACE_PARTS, emptyForm, fromIncident, toIncident, type IncidentFormState } from '../form/incident-form-model';
import { offsetIn } from '../form/instant-parts';
import { useT } from '../i18n';
import { useNav } from '../stores/nav-store';
import { useTimeZone } from '../stores/time-zone-store';

const DRAFT_DELAY_MS = 1_500;

export function IncidentForm({ caseId, id }: { caseId: number; id?: number }) {
  const t = useT();
  const intl = useIntl();
  const go = useNav((s) => s.go);
  const draftKey = id ? `incident:${id}` : `new:${caseId}`;
  const timeZone = useTimeZone((s) => s.timeZone);
  const [form, setForm] = useState<IncidentFormState>(() => emptyForm(offsetIn(timeZone)));
  const [baseVersion, setBaseVersion] = useState(0);
  const [draftAt, setDraftAt] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [error, setError] = useState('');
  // Not part of the draft: a reason belongs to the one save it explains.
  const [reason, setReason] = useState('');
  const touched = useRef(false);
  // The incident as stored: what the user does not change is saved exactly as it was.
  const [stored, setStored] = useState<Incident | undefined>(undefined);

  useEffect(() => {
    void (async () => {
      let opened = emptyForm(offsetIn(timeZone));
      if (id) {
        const current = await unwrap(api().incidents.get({ id }));
        opened = fromIncident(current.incident);
        setForm(opened);
        setStored(current.incident);
        setBaseVersion(current.version);
      }
      const draft = await unwrap(api().drafts.get({ key: draftKey })).catch(() => null);
      if (draft) {
        // A draft saved before a field existed lacks it: that field stays as opened.
        setForm({ ...opened, ...(draft.data as Partial<IncidentFormState>) });
        setDraftAt(draft.savedAt);
      }
    })().catch((e: unknown) => setError(errorText(e)));
    // The time zone is read when the form opens: changing it later must not reload the form.
  }, [id, draftKey]);

  useEffect(() => {
    if (!touched.current) return;
    const timer = window.setTimeout(() => {
      api().drafts.save({ key: draftKey, data: { ...form } })
        .then((r) => r.ok && setDraftAt(r.value.savedAt))
        .catch(() => undefined);
    }, DRAFT_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [form, draftKey]);

  const set = <K extends keyof IncidentFormState>(key: K, value: IncidentFormState[K]) => {
    touched.current = true;
    setForm((f) => ({ ...f, [key]: value }));
  };
  // A position typed by hand is no longer the one a photo's GPS gave.
  const setCoordinate = (key: 'lat' | 'lon', value: string) => {
    touched.current = true;
    setForm((f) => ({ ...f, [key]: value, coordSource: f.coordSource === 'gps' ? 'map' : f.coordSource }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = incidentSchema.safeParse(toIncident(form, stored));
    if (!parsed.success) {
      setProblems([...new Set(parsed.error.issues.map((i) => t(`field.${String(i.path[0] ?? 'occurredAt')}`)))]);
      return;
    }
    setProblems([]);
    try {
      const incident: Incident = parsed.data;
      const saved = id
        ? await unwrap(api().incidents.edit({ id, baseVersion, incident, ...(reason.trim() ? { reason: reason.trim() } : {}) }))
        : await unwrap(api().incidents.add({ caseId, incident }));
      await api().drafts.discard({ key: draftKey });
      go({ screen: 'incident', id: saved.id });
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <form className="incident-form" onSubmit={submit} noValidate>
      <div className="pane-head">
        <h2>{id ? t('form.editTitle') : t('form.newTitle')}</h2>
        <span className="hint" aria-live="polite">{draftAt ? t('form.draftSaved', { at: intl.formatTime(draftAt) }) : ''}</span>
      </div>
      <fieldset className="grid">
        <legend>{t('form.when')}</legend>
        <Field label={t('form.date')} hint={t('date.hint')}>
          {(fid, hint) => <DateInput id={fid} aria-describedby={hint} value={form.date} onChange={(v) => set('date', v)} required />}
        </Field>
        <Field label={t('form.time')}>{(fid) => <TimeInput id={fid} value={form.time} onChange={(v) => set('time', v)} />}</Field>
        <Field label={t('form.offset')} hint={t('form.offsetHint')}>
          {(fid, hint) => <input id={fid} aria-describedby={hint} value={form.offset} pattern="Z|[+-]\d{2}:\d{2}" onChange={(e) => set('offset', e.target.value)} />}
        </Field>
      </fieldset>
      <fieldset className="grid">
        <legend>{t('form.where')}</legend>
        <Field label={t('form.place')}>{(fid) => <input id={fid} className="wide" value={form.place} onChange={(e) => set('place', e.target.value)} required />}</Field>
        <Field label={t('form.lat')}>{(fid) => <input id={fid} inputMode="decimal" value={form.lat} onChange={(e) => setCoordinate('lat', e.target.value)} />}</Field>
        <Field label={t('form.lon')}>{(fid) => <input id={fid} inputMode="decimal" value={form.lon} onChange={(e) => setCoordinate('lon', e.target.value)} />}</Field>
        <Field label={t('form.coordSource')}>
          {(fid) => (
            <select id={fid} value={form.coordSource} onChange={(e) => set('coordSource', e.target.value)}>
              {COORDINATE_SOURCES.map((c) => <option key={c} value={c}>{t(`coordSource.${c}`)}</option>)}
            </select>
          )}
        </Field>
        {id ? (
          <GpsFromPhoto
            incidentId={id}
            onAccept={(p) => {
              set('lat', String(p.lat));
              set('lon', String(p.lon));
              set('coordSource', 'gps');
            }}
          />
        ) : null}
      </fieldset>
      <fieldset className="grid">
        <legend>{t('form.what')}</legend>
        <Field label={t('form.channel')}>
          {(fid) => (
            <select id={fid} value={form.channel} onChange={(e) => set('channel', e.target.value)} required>
              <option value="">{t('form.choose')}</option>
              {CHANNELS.map((c) => <option key={c} value={c}>{t(`channel.${c}`)}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('form.type')}>
          {(fid) => (
            <select id={fid} value={form.type} onChange={(e) => set('type', e.target.value)} required>
              <option value="">{t('form.choose')}</option>
              {INCIDENT_TYPES.map((ty) => <option key={ty} value={ty}>{t(`type.${ty}`)}</option>)}
            </select>
          )}
        </Field>
      </fieldset>
      <Field label={t('form.verbatim')} hint={t('form.verbatimHint')}>
        {(fid, hint) => <textarea id={fid} aria-describedby={hint} rows={3} value={form.verbatim} onChange={(e) => set('verbatim', e.target.value)} />}
      </Field>
      <Field label={t('form.perpetrators')}>{(fid) => <textarea id={fid} rows={2} value={form.perpetrators} onChange={(e) => set('perpetrators', e.target.value)} />}</Field>
      <Field label={t('form.narrative')}>{(fid) => <textarea id={fid} rows={4} value={form.narrative} onChange={(e) => set('narrative', e.target.value)} />}</Field>
      <RiskChoice value={form.riskLevel} onChange={(v) => set('riskLevel', v)} />
      <p className="hint">{t('form.moreHint')}</p>
      <Section title={t('form.sectionTime')} filled={!!form.untilDate || form.precision !== 'exact'}>
        <div className="grid">
          <Field label={t('form.untilDate')}>{(fid) => <DateInput id={fid} value={form.untilDate} onChange={(v) => set('untilDate', v)} />}</Field>
          <Field label={t('form.untilTime')}>{(fid) => <TimeInput id={fid} value={form.untilTime} onChange={(v) => set('untilTime', v)} />}</Field>
          <Field label={t('form.precision')}>
            {(fid) => (
              <select id={fid} value={form.precision} onChange={(e) => set('precision', e.target.value)}>
                {PRECISIONS.map((p) => <option key={p} value={p}>{t(`precision.${p}`)}</option>)}
              </select>
            )}
          </Field>
        </div>
      </Section>
      <Section title={t('form.sectionPlace')} filled={PLACE_PARTS.some((k) => form.placeDetail[k])}>
        <div className="grid">
          {PLACE_PARTS.map((k) => (
            <Field key={k} label={t(`place.${k}`)} hint={k === 'country' ? t('place.countryHint') : undefined}>
              {(fid, hint) => <input id={fid} aria-describedby={hint} value={form.placeDetail[k]} onChange={(e) => set('placeDetail', { ...form.placeDetail, [k]: k === 'country' ? e.target.value.toUpperCase() : e.target.value })} />}
            </Field>
          ))}
        </div>
      </Section>
      <Section title={t('form.sectionPerpetrators')} filled={form.perpetratorDetails.length > 0}>
        <PerpetratorFields rows={form.perpetratorDetails} onChange={(rows) => set('perpetratorDetails', rows)} />
      </Section>
      <Section title={t('form.sectionDefence')} filled={!!form.linkToDefenceWork || !!form.measuresRequested}>
        <Field label={t('form.linkToDefenceWork')} hint={t('form.linkToDefenceWorkHint')}>
          {(fid, hint) => <textarea id={fid} aria-describedby={hint} rows={3} value={form.linkToDefenceWork} onChange={(e) => set('linkToDefenceWork', e.target.value)} />}
        </Field>
        <Field label={t('form.measuresRequested')}>{(fid) => <textarea id={fid} rows={2} value={form.measuresRequested} onChange={(e) => set('measuresRequested', e.target.value)} />}</Field>
      </Section>
      <Section title={t('form.sectionPeople')} filled={form.affected.length > 0 || form.witnesses.length > 0}>
        <PeopleFields rows={form.affected} onChange={(rows) => set('affected', rows)} />
        <WitnessFields rows={form.witnesses} onChange={(rows) => set('witnesses', rows)} />
      </Section>
      <Section title={t('form.sectionReports')} filled={form.reportedTo.length > 0 || !!form.notReportedReason}>
        <ReportsFields rows={form.reportedTo} reason={form.notReportedReason} onChange={(rows) => set('reportedTo', rows)} onReason={(r) => set('notReportedReason', r)} />
      </Section>
      <Field label={t('form.notes')}>{(fid) => <textarea id={fid} rows={2} value={form.notes} onChange={(e) => set('notes', e.target.value)} />}</Field>
      {id ? (
        <Field label={t('form.editReason')} hint={t('form.editReasonHint')}>
          {(fid, hint) => <input id={fid} className="wide" aria-describedby={hint} maxLength={5000} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
      ) : null}
      {problems.length ? <ErrorNote>{t('form.check', { fields: problems.join(', ') })}</ErrorNote> : null}
      <ErrorNote>{error}</ErrorNote>
      <div className="actions">
        <button type="submit" className="primary">{t('form.save')}</button>
        <button type="button" onClick={() => go(id ? { screen: 'incident', id } : { screen: 'incidents' })}>{t('form.cancel')}</button>
      </div>
    </form>
  );
}

type Position = { name: string; lat: number; lon: number };

/**
 * Offers the GPS position sealed with a photo of this incident. Reading it decrypts no evidence
 * (the metadata was sealed at import); nothing enters the form until the user confirms.
 */
function GpsFromPhoto({ incidentId, onAccept }: { incidentId: number; onAccept: (p: Position) => void }) {
  const t = useT();
  const [offers, setOffers] = useState<Position[] | null>(null);
  const [error, setError] = useState('');

  const look = async () => {
    try {
      const items = await unwrap(api().evidence.list({ incidentId }));
      const found: Position[] = [];
      for (const e of items.filter((i) => i.derivedFrom === null && i.mediaType.startsWith('image/'))) {
        const d = await unwrap(api().evidence.get({ id: e.id }));
        if (d.gps) found.push({ name: d.name, ...d.gps });
      }
      setOffers(found);
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <div className="gps-offer wide">
      <button type="button" onClick={look}>{t('form.gpsFromPhoto')}</button>
      <ErrorNote>{error}</ErrorNote>
      {offers?.length === 0 ? <p className="hint">{t('form.gpsNone')}</p> : null}
      {offers?.map((p, i) => (
        <p key={i} className="hint">
          {t('form.gpsOffer', { name: p.name, lat: p.lat.toFixed(6), lon: p.lon.toFixed(6) })}
          <button type="button" onClick={() => (onAccept(p), setOffers(null))}>{t('form.gpsUse')}</button>
        </p>
      ))}
    </div>
  );
}
