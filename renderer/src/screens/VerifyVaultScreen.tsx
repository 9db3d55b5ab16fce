// Re-checks the whole custody log (hash chain, Merkle tree, checkpoint signatures) with progress.
import { useState } from 'react';
import type { Response } from '../../../shared/ipc/contract';
import { api, errorText, unwrap } from '../api';
import { ErrorNote, Progress } from '../components/Field';
import { useT } from '../i18n';
import { useProgress } from '../stores/progress-store';

export function VerifyVaultScreen() {
  const t = useT();
  const [result, setResult] = useState<Response<'vault.verify'> | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const progress = useProgress((s) => s.items['verify:']);

  const run = async () => {
    setBusy(true);
    setResult(null);
    setError('');
    try {
      setResult(await unwrap(api().vault.verify()));
    } catch (e) {
      setError(errorText(e));
    } finally {
      useProgress.getState().clear('verify');
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="vv-h">
      <h2 id="vv-h">{t('verifyVault.title')}</h2>
      <p className="hint">{t('verifyVault.intro')}</p>
      <button type="button" className="primary" onClick={run} disabled={busy}>{t('verifyVault.run')}</button>
      {busy && progress ? <Progress label={t('verifyVault.progress')} done={progress.done} total={progress.total} /> : null}
      <ErrorNote>{error}</ErrorNote>
      {result ? (
        <div className={`verdict ${result.ok ? 'good' : 'bad'}`} role="status">
          <strong>{result.ok ? t('verifyVault.ok', { n: result.entries }) : t('verifyVault.bad')}</strong>
          <ul>
            {result.problems.map((p, i) => <li key={i}>{p.seq ? `#${p.seq} ` : ''}{p.code}: {p.message}</li>)}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
