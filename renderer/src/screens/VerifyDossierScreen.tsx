// The auditor's check of a dossier: every item green or red, and the signer's fingerprint to
// compare with the one the organisation published (T6). Intact but with the signer unchecked is
// amber, never green: anyone can make a key and sign.
import { useState } from 'react';
import type { Response } from '../../../shared/ipc/contract';
import { api, errorText, unwrap } from '../api';
import { ErrorNote, Field } from '../components/Field';
import { useT } from '../i18n';

type Result = Response<'dossier.verify'>;

/** What the user typed or pasted, as the contract takes a fingerprint; undefined when empty. */
const asFingerprint = (typed: string): string | undefined => typed.replace(/\s+/g, '').toLowerCase() || undefined;

export function VerifyDossierScreen() {
  const t = useT();
  const [file, setFile] = useState<{ token: string; name: string } | null>(null);
  const [fingerprint, setFingerprint] = useState('');
  const [result, setResult] = useState<Result | null>(null);
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
  const run = async (token: string, typed: string) => {
    setBusy(true);
    setError('');
    try {
      setResult(await unwrap(api().dossier.verify({ token, fingerprint: asFingerprint(typed) })));
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
      <button type="button" className="primary" onClick={() => file && run(file.token, fingerprint)} disabled={!file || busy}>{t('verifyDossier.run')}</button>
      <ErrorNote>{error}</ErrorNote>
      {result ? <Verdict result={result} busy={busy} onRecheck={run} /> : null}
    </section>
  );
}

function Verdict({ result, busy, onRecheck }: { result: Result; busy: boolean; onRecheck: (token: string, typed: string) => void }) {
  const t = useT();
  const [published, setPublished] = useState('');
  const tone = !result.ok ? 'bad' : result.signerChecked ? 'good' : 'unchecked';
  const headline = { bad: t('verifyDossier.bad'), good: t('verifyDossier.ok'), unchecked: t('verifyDossier.unchecked') }[tone];
  const token = result.recheckToken;
  return (
    <div className={`verdict ${tone}`} role="status">
      <strong>{headline}</strong>
      {result.failure ? <p className="failure">{`${result.failure.message} (${result.failure.code})`}</p> : null}
      <p>{t('verifyDossier.signer')} <code className="hash">{result.signerFingerprint ?? t('verifyDossier.noSigner')}</code></p>
      {token ? (
        <div className="recheck">
          <p className="hint">{t('verifyDossier.uncheckedHint')}</p>
          <Field label={t('verifyDossier.published')}>
            {(id) => <input id={id} className="mono wide" value={published} onChange={(e) => setPublished(e.target.value)} />}
          </Field>
          <button type="button" onClick={() => onRecheck(token, published)} disabled={busy || !asFingerprint(published)}>{t('verifyDossier.checkSigner')}</button>
        </div>
      ) : null}
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
  );
}
