// The lawyer's dossier: choose incidents and exhibits, for whom and in which language, see what
// would be disclosed (T5), then write the signed file where main's dialog says.
import { useEffect, useState } from 'react';
import { RECIPIENTS } from '../../../shared/ipc/schemas';
import { LANGUAGES } from '../../../shared/vocabulary/languages';
import type { Request, Response } from '../../../shared/ipc/contract';
import { api, errorText, unwrap } from '../api';
import { ErrorNote, Field, Progress } from '../components/Field';
import { DossierPicker } from '../components/DossierPicker';
import { ProtectionFields } from '../components/ProtectionFields';
import { defaultProtection, resolveProtection, type ExportProtection } from '../../../shared/dossier/export-protection';
import { useT } from '../i18n';
import { useProgress } from '../stores/progress-store';
import { useSettings } from '../stores/settings-store';

type DossierRequest = Request<'dossier.disclosure'>;

/** The request's protection fields, from a protection or a request (the contract's lists are mutable). */
function protectionFields(p: Partial<ExportProtection>): Pick<DossierRequest, 'redact' | 'coordinates' | 'staffNames' | 'originalNames' | 'keepOffFileAsPseudonym'> {
  return { redact: p.redact ? [...p.redact] : undefined, coordinates: p.coordinates, staffNames: p.staffNames, originalNames: p.originalNames, keepOffFileAsPseudonym: p.keepOffFileAsPseudonym };
}

export function DossierScreen({ preselected }: { preselected: number[] }) {
  const t = useT();
  const language = useSettings((s) => s.settings.language);
  const [req, setReq] = useState<DossierRequest>({
    incidentIds: preselected, exhibitIds: [], recipient: 'prosecutor', purpose: '', language, pseudonyms: true, originals: false,
    ...protectionFields(defaultProtection('prosecutor')),
  });
  const [check, setCheck] = useState<Response<'dossier.disclosure'> | null>(null);
  const [done, setDone] = useState<Response<'dossier.export'>>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  // The high findings the user ticked, by id: exactly what the export is told was accepted.
  const [accepted, setAccepted] = useState<ReadonlySet<string>>(new Set());
  const progress = useProgress((s) => s.items['export:']);
  useEffect(() => {
    setCheck(null);
    setAccepted(new Set());
  }, [req]);

  const patch = (p: Partial<DossierRequest>) => setReq((r) => ({ ...r, ...p }));
  // Another kind of recipient brings its own defaults, replacing what was chosen for the last one.
  const recipientChosen = (recipient: DossierRequest['recipient']) => patch({ recipient, ...protectionFields(defaultProtection(recipient)) });
  const protection: ExportProtection = resolveProtection(req.recipient, protectionFields(req));
  const run = async (what: 'check' | 'export') => {
    setBusy(true);
    setError('');
    try {
      if (what === 'check') setCheck(await unwrap(api().dossier.disclosure(req)));
      else setDone(await unwrap(api().dossier.export({ ...req, accept: [...accepted] })));
    } catch (e) {
      setError(errorText(e));
    } finally {
      useProgress.getState().clear('export');
      setBusy(false);
    }
  };

  const toggle = (id: string, on: boolean) => setAccepted((a) => (on ? new Set([...a, id]) : new Set([...a].filter((x) => x !== id))));
  const allAccepted = check !== null && check.findings.every((f) => f.severity !== 'high' || accepted.has(f.id));

  return (
    <section className="dossier" aria-labelledby="dossier-h">
      <h2 id="dossier-h">{t('dossier.title')}</h2>
      {/* Re-read after an export: the exhibits it made are stored items now. */}
      <DossierPicker key={done?.sha256 ?? 'before-export'} incidentIds={req.incidentIds} exhibitIds={req.exhibitIds} onChange={(incidentIds, exhibitIds) => patch({ incidentIds, exhibitIds })} />
      <fieldset className="grid">
        <legend>{t('dossier.for')}</legend>
        <Field label={t('dossier.recipient')}>
          {(id) => (
            <select id={id} value={req.recipient} onChange={(e) => recipientChosen(e.target.value as DossierRequest['recipient'])}>
              {RECIPIENTS.map((r) => <option key={r} value={r}>{t(`recipient.${r}`)}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('dossier.language')}>
          {(id) => (
            <select id={id} value={req.language} onChange={(e) => patch({ language: e.target.value as DossierRequest['language'] })}>
              {LANGUAGES.map((l) => <option key={l} value={l}>{t(`language.${l}`)}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('dossier.purpose')}>{(id) => <input id={id} className="wide" value={req.purpose} onChange={(e) => patch({ purpose: e.target.value })} />}</Field>
        <label className="check"><input type="checkbox" checked={req.pseudonyms} onChange={(e) => patch({ pseudonyms: e.target.checked })} />{t('dossier.pseudonyms')}</label>
        {req.pseudonyms ? null : <p className="hint">{t('dossier.namesNeedConsent')}</p>}
        <label className="check"><input type="checkbox" checked={req.originals} onChange={(e) => patch({ originals: e.target.checked })} />{t('dossier.originals')}</label>
      </fieldset>
      <ProtectionFields value={protection} onChange={(p) => patch(protectionFields({ ...protection, ...p }))} />
      <div className="actions">
        <button type="button" onClick={() => void run('check')} disabled={busy || req.incidentIds.length === 0}>{t('dossier.check')}</button>
        <button type="button" className="primary" onClick={() => void run('export')} disabled={busy || !allAccepted}>{t('dossier.export')}</button>
      </div>
      <p className="hint">{t('dossier.checkWritesNothing')}</p>
      {busy && progress ? <Progress label={t('dossier.writing')} done={progress.done} total={progress.total} /> : null}
      <ErrorNote>{error}</ErrorNote>
      {check ? (
        <div className={`verdict ${check.ok ? 'good' : 'bad'}`} role="status">
          <strong>{check.ok ? t('dossier.checkOk') : t('dossier.checkBlocked')}</strong>
          <ul>
            {check.findings.map((f) => (
              <li key={f.id} className={`finding ${f.severity}`}>
                {t(`severity.${f.severity}`)}: {t(`disclosure.kind.${f.code}`)} — {f.subject}{f.message ? `: ${f.message}` : null}
                {f.severity === 'high' ? (
                  <label className="check">
                    <input type="checkbox" checked={accepted.has(f.id)} onChange={(e) => toggle(f.id, e.target.checked)} />
                    {t('dossier.acceptFinding')}
                  </label>
                ) : null}
              </li>
            ))}
          </ul>
          {check.ok ? null : <p className="hint">{t('dossier.acknowledge')}</p>}
        </div>
      ) : null}
      {done ? (
        <div className="verdict good" role="status">
          <strong>{t('dossier.written')}</strong>
          <p className="mono">{done.location}</p>
          <p>{t('dossier.sha256')} <code className="hash">{done.sha256}</code></p>
          <p>{t('dossier.fingerprint')} <code className="hash">{done.fingerprint}</code></p>
        </div>
      ) : null}
    </section>
  );
}
