// Files are chosen in main's own dialog (the page never sees a path) or dropped here, in which
// case their bytes are handed over (never a path); main reports progress per file while it
// hashes, seals and stores them.
import { useState } from 'react';
import { ACQUISITION_METHODS, DEFAULT_ACQUISITION_METHOD, type AcquisitionMethod } from '../../../shared/vocabulary/acquisition';
import type { Response } from '../../../shared/ipc/contract';
import { api, errorText, unwrap } from '../api';
import { useT } from '../i18n';
import { useEvidence } from '../stores/evidence-store';
import { useProgress } from '../stores/progress-store';
import { ErrorNote, Field, Progress } from './Field';
import { uploadDropped } from '../upload-dropped';

type Picked = Response<'evidence.pick'>;

export function EvidenceImport({ incidentId }: { incidentId: number }) {
  const t = useT();
  const [picked, setPicked] = useState<Picked>([]);
  const [method, setMethod] = useState<AcquisitionMethod>(DEFAULT_ACQUISITION_METHOD);
  const [from, setFrom] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const progress = useProgress((s) => s.items);
  const [over, setOver] = useState(false);
  const [dropped, setDropped] = useState<Record<string, { done: number; total: number }>>({});

  const drop = async (files: File[]) => {
    setOver(false);
    if (files.length === 0 || busy) return;
    setBusy(true);
    setError('');
    setDropped(Object.fromEntries(files.map((f) => [f.name, { done: 0, total: f.size }])));
    try {
      for (const file of files) {
        await uploadDropped(file, incidentId, { method, from: from || undefined }, (done, total) =>
          setDropped((d) => ({ ...d, [file.name]: { done, total } })));
      }
      await useEvidence.getState().loadForIncident(incidentId);
      setDropped({});
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const pick = async () => {
    setError('');
    try {
      setPicked(await unwrap(api().evidence.pick()));
    } catch (e) {
      setError(errorText(e));
    }
  };
  const run = async () => {
    setBusy(true);
    setError('');
    try {
      await unwrap(api().evidence.import({ incidentId, tokens: picked.map((p) => p.token), acquisition: { method, from: from || undefined } }));
      setPicked([]);
      await useEvidence.getState().loadForIncident(incidentId);
    } catch (e) {
      setError(errorText(e));
    } finally {
      useProgress.getState().clear('import');
      setBusy(false);
    }
  };

  return (
    <div className="import card">
      <button type="button" onClick={pick} disabled={busy}>{t('evidence.pick')}</button>
      <div
        className={`dropzone${over ? ' over' : ''}`}
        data-testid="evidence-dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          void drop(Array.from(e.dataTransfer.files));
        }}
      >
        {t('evidence.dropHere')}
      </div>
      {Object.keys(dropped).length ? (
        <ul className="picked">
          {Object.entries(dropped).map(([name, p]) => <li key={name}><Progress label={name} done={p.done} total={p.total} /></li>)}
        </ul>
      ) : null}
      {picked.length ? (
        <>
          <ul className="picked">
            {picked.map((p) => {
              const state = progress[`import:${p.name}`];
              return (
                <li key={p.token}>
                  {state ? <Progress label={p.name} done={state.done} total={state.total} /> : <span>{p.name}</span>}
                </li>
              );
            })}
          </ul>
          <Field label={t('evidence.method')}>
            {(id) => (
              <select id={id} value={method} onChange={(e) => setMethod(e.target.value as typeof method)}>
                {ACQUISITION_METHODS.map((m) => <option key={m} value={m}>{t(`acquisition.${m}`)}</option>)}
              </select>
            )}
          </Field>
          <Field label={t('evidence.from')}>{(id) => <input id={id} value={from} onChange={(e) => setFrom(e.target.value)} />}</Field>
          <button type="button" className="primary" onClick={run} disabled={busy}>{t('evidence.import', { n: picked.length })}</button>
        </>
      ) : null}
      <ErrorNote>{error}</ErrorNote>
    </div>
  );
}
