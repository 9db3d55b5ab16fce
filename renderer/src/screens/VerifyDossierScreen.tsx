// The auditor's check of a dossier: every item green or red, and the signer's fingerprint to
// compare with the one the organisation published (T6).
import { useState } from 'react';
import type { Response } from '../../../shared/ipc/contract';
import { api, errorText, unwrap } from '../api';
import { ErrorNote, Field } from '../components/Field';
import { useT } from '../i18n';

export function VerifyDossierScreen() {
  const t = useT();
  const [file, setFile] = useState<{ token: string; name: string } | null>(null);
  const [fingerprint, setFingerprint] = useState('');
  const [result, setResult] = useState<Response<'dossier.verify'> | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const pick = async () => {
    setError('');
    setResult(null);
    try {
      setFile(await unwrap(api().dossier.pick()));
    } catch (e) {
      setError(errorText(e));
    }
  };
  const verify = async () => {
    if (!file) return;
    setBusy(true);
    try {
      setResult(await unwrap(api().dossier.verify({ token: file.token, fingerprint: fingerprint.trim().toLowerCase() || undefined })));
      setFile(null);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="vd-h" className="verify-dossier">
      <h2 id="vd-h">{t('verifyDossier.title')}</h2>
      <p className="hint">{t('verifyDossier.intro')}</p>
      <div className="actions">
        <button type="button" onClick={pick}>{t('verifyDossier.pick')}</button>
        {file ? <span className="picked-name">{file.name}</span> : null}
      </div>
      <Field label={t('verifyDossier.expected')} hint={t('verifyDossier.expectedHint')}>
        {(id, hint) => <input id={id} aria-describedby={hint} className="mono wide" value={fingerprint} onChange={(e) => setFingerprint(e.target.value)} />}
      </Field>
      <button type="button" className="primary" onClick={verify} disabled={!file || busy}>{t('verifyDossier.run')}</button>
      <ErrorNote>{error}</ErrorNote>
      {result ? (
        <div className={`verdict ${result.ok ? 'good' : 'bad'}`} role="status">
          <strong>{result.ok ? t('verifyDossier.ok') : t('verifyDossier.bad')}</strong>
          <p>{t('verifyDossier.signer')} <code className="hash">{result.signerFingerprint ?? t('verifyDossier.noSigner')}</code></p>
          <ul className="checks">
            {result.items.map((item, i) => (
              <li key={i} className={item.ok ? 'pass' : 'fail'}>
                <span className="mark" aria-hidden="true">{item.ok ? '✓' : '✗'}</span>
                <span className="sr-only">{item.ok ? t('verifyDossier.pass') : t('verifyDossier.fail')}</span>
                <span>{t(`verifyDossier.check.${item.check}`)}</span> <span className="subject">{item.subject}</span>
                {item.message ? <span className="hint"> {t('verifyDossier.detail')} {item.message}</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
