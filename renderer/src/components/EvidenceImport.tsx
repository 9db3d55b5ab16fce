// Files are chosen in main's own dialog (the page never sees a path); main reports progress
// per file while it hashes, seals and stores them.
import { useState } from 'react';
import { ACQUISITION_METHODS } from '../../../shared/ipc/schemas';
import type { Response } from '../../../shared/ipc/contract';
import { api, errorText, unwrap } from '../api';
import { useT } from '../i18n';
import { useEvidence } from '../stores/evidence-store';
import { useProgress } from '../stores/progress-store';
import { ErrorNote, Field, Progress } from './Field';

type Picked = Response<'evidence.pick'>;

export function EvidenceImport({ incidentId }: { incidentId: number }) {
  const t = useT();
  const [picked, setPicked] = useState<Picked>([]);
  const [method, setMethod] = useState<(typeof ACQUISITION_METHODS)[number]>('received');
  const [from, setFrom] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const progress = useProgress((s) => s.items);

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
