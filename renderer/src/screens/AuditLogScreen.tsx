// The auditor's check of a custody log package, from the first screen with no vault (auditors
// hold no vault key): chain, tree, every checkpoint's signer, the rosters, and, when an earlier
// package or checkpoint is given, that the log still contains it (T3: a log cut or rewritten).
import { useState } from 'react';
import type { Response } from '../../../shared/ipc/contract';
import { api, errorText, unwrap } from '../api';
import { ErrorNote } from '../components/Field';
import { useErrorText, useT } from '../i18n';

type Result = Response<'custody.verifyPackage'>;
type Picked = { token: string; name: string } | null;

export function AuditLogScreen() {
  const t = useT();
  const [file, setFile] = useState<Picked>(null);
  const [earlier, setEarlier] = useState<Picked>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const pick = async (set: (p: Picked) => void) => {
    setError('');
    setResult(null);
    try {
      set(await unwrap(api().custody.pickPackage()));
    } catch (e) {
      setError(errorText(e));
    }
  };
  const run = async () => {
    if (!file) return;
    setBusy(true);
    setError('');
    try {
      setResult(await unwrap(api().custody.verifyPackage({ token: file.token, ...(earlier ? { earlierToken: earlier.token } : {}) })));
      // Tokens are single use: a second check picks the files again.
      setFile(null);
      setEarlier(null);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="al-h" className="audit-log">
      <h2 id="al-h">{t('auditLog.title')}</h2>
      <p className="hint">{t('auditLog.intro')}</p>
      <div className="actions">
        <button type="button" onClick={() => pick(setFile)}>{t('auditLog.pick')}</button>
        {file ? <span className="picked-name">{file.name}</span> : null}
      </div>
      <div className="actions">
        <button type="button" onClick={() => pick(setEarlier)}>{t('auditLog.pickEarlier')}</button>
        {earlier ? <span className="picked-name">{earlier.name}</span> : <span className="hint">{t('auditLog.earlierHint')}</span>}
      </div>
      <button type="button" className="primary" onClick={run} disabled={!file || busy}>{t('auditLog.run')}</button>
      <ErrorNote>{error}</ErrorNote>
      {result ? <PackageVerdict result={result} /> : null}
    </section>
  );
}

/** The three verdicts a package can get, each with its message. */
export const VERDICT_TONES = ['good', 'unchecked', 'bad'] as const;
type VerdictTone = (typeof VERDICT_TONES)[number];

function PackageVerdict({ result }: { result: Result }) {
  const t = useT();
  const codeMessage = useErrorText();
  // Entries past the last signed tree are chained but no one signed them: amber, not green.
  const tone: VerdictTone = !result.ok ? 'bad' : result.signedUpTo < result.entries ? 'unchecked' : 'good';
  return (
    <div className={`verdict ${tone}`} role="status">
      <strong>{t(`auditLog.verdict.${tone}`)}</strong>
      <p>{t('auditLog.summary', { entries: result.entries, checkpoints: result.checkpoints, signedUpTo: result.signedUpTo, rosters: result.rosters })}</p>
      <p>{t('auditLog.root')} <code className="hash">{result.rootHash}</code></p>
      {result.problems.length > 0 ? (
        <ul className="checks">
          {result.problems.map((p, i) => (
            <li key={i} className="fail">
              <span className="mark" aria-hidden="true">✗</span>
              <span>{codeMessage(p.code)}</span> <span className="subject">{p.seq !== undefined ? t('auditLog.problemAt', { seq: p.seq, code: p.code }) : p.code}</span>
              <span className="hint"> {t('verifyDossier.detail')} {p.message}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
