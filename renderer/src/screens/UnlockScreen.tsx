// The first screen: unlock a known vault, create one, restore one from a backup, or, with no vault (auditors hold no key), verify a dossier or a custody log package.
import { useEffect, useState, type FormEvent } from 'react';
import { errorText, UiError } from '../api';
import { ErrorNote, Field, Progress } from '../components/Field';
import { LanguagePicker } from '../components/LanguagePicker';
import { useT } from '../i18n';
import { useProgress } from '../stores/progress-store';
import { useSession } from '../stores/session-store';
import { AuditLogScreen } from './AuditLogScreen';
import { VerifyDossierScreen } from './VerifyDossierScreen';

type Mode = 'unlock' | 'create' | 'restore' | 'verify' | 'audit';

export function UnlockScreen() {
  const t = useT();
  const known = useSession((s) => s.known);
  const [mode, setMode] = useState<Mode>('unlock');
  const refreshed = useSession((s) => s.refreshed);
  // On a machine that knows no vault yet, start on "create"; the user may still switch to open a file.
  useEffect(() => {
    if (refreshed && known.length === 0) setMode('create');
  }, [refreshed, known.length]);

  return (
    <main className="unlock">
      <header className="unlock-head">
        <h1>{t('app.name')}</h1>
        <p className="tagline">{t('app.tagline')}</p>
        <LanguagePicker />
      </header>
      <nav className="tabs" aria-label={t('unlock.modes')}>
        {(['unlock', 'create', 'restore', 'verify', 'audit'] as const).map((m) => (
          <button key={m} type="button" aria-pressed={mode === m} onClick={() => setMode(m)}>
            {t(`unlock.mode.${m}`)}
          </button>
        ))}
      </nav>
      <section className="card unlock-card">
        {mode === 'unlock' ? <UnlockForm /> : mode === 'create' ? <CreateForm /> : mode === 'restore' ? <RestoreForm /> : mode === 'verify' ? <VerifyDossierScreen /> : <AuditLogScreen />}
      </section>
    </main>
  );
}

function UnlockForm() {
  const t = useT();
  const { known, unlock, pickExisting } = useSession();
  const [chosen, setVaultId] = useState('');
  const vaultId = chosen || known[0]?.id || '';
  const [user, setUser] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // Set when main answered E_MUST_ACTIVATE: the passphrase typed was the right one-time one.
  const [oneTime, setOneTime] = useState<string | null>(null);
  // An older vault's first unlock moves its evidence out of the database: that can take minutes.
  const moving = useProgress((s) => s.items['storage:']);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      await unlock(vaultId, user, passphrase);
    } catch (err) {
      if (err instanceof UiError && err.code === 'E_MUST_ACTIVATE') setOneTime(passphrase);
      else setError(errorText(err));
    } finally {
      useProgress.getState().clear('storage');
      setPassphrase('');
      setBusy(false);
    }
  };
  const another = async () => {
    const id = await pickExisting().catch((err: unknown) => (setError(errorText(err)), null));
    if (id) setVaultId(id);
  };

  if (oneTime !== null) return <ActivateForm vaultId={vaultId} user={user} oneTimePassphrase={oneTime} onCancel={() => setOneTime(null)} />;
  return (
    <form onSubmit={submit} aria-busy={busy}>
      <h2>{t('unlock.title')}</h2>
      <Field label={t('unlock.vault')}>
        {(id) => (
          <select id={id} value={vaultId} onChange={(e) => setVaultId(e.target.value)} required>
            {known.map((v) => <option key={v.id} value={v.id}>{v.label}</option>)}
          </select>
        )}
      </Field>
      <button type="button" className="link" onClick={another}>{t('unlock.openOther')}</button>
      <Field label={t('unlock.user')}>
        {(id) => <input id={id} value={user} onChange={(e) => setUser(e.target.value)} autoComplete="username" required />}
      </Field>
      <Field label={t('unlock.passphrase')}>
        {(id) => <input id={id} type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="current-password" required />}
      </Field>
      {busy && moving ? <Progress label={t('unlock.movingEvidence')} done={moving.done} total={moving.total} /> : null}
      <ErrorNote>{error}</ErrorNote>
      <button type="submit" className="primary" disabled={busy || !vaultId}>{busy ? t('unlock.opening') : t('unlock.submit')}</button>
    </form>
  );
}

function ActivateForm({ vaultId, user, oneTimePassphrase, onCancel }: { vaultId: string; user: string; oneTimePassphrase: string; onCancel: () => void }) {
  const t = useT();
  const activate = useSession((s) => s.activate);
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (next !== repeat) return setError(t('unlock.passphrasesDiffer'));
    if (next.length < 12) return setError(t('create.tooShort'));
    setBusy(true);
    setError('');
    try {
      await activate(vaultId, user, oneTimePassphrase, next);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setNext('');
      setRepeat('');
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} aria-busy={busy}>
      <h2>{t('unlock.activateTitle')}</h2>
      <p className="hint">{t('unlock.activateIntro')}</p>
      <Field label={t('unlock.newPassphrase')} hint={t('create.passphraseHint')}>
        {(id, hint) => <input id={id} aria-describedby={hint} type="password" value={next} onChange={(e) => setNext(e.target.value)} autoComplete="new-password" required />}
      </Field>
      <Field label={t('unlock.repeatPassphrase')}>{(id) => <input id={id} type="password" value={repeat} onChange={(e) => setRepeat(e.target.value)} autoComplete="new-password" required />}</Field>
      <ErrorNote>{error}</ErrorNote>
      <button type="submit" className="primary" disabled={busy}>{busy ? t('unlock.opening') : t('unlock.activateSubmit')}</button>
      <button type="button" className="link" onClick={onCancel}>{t('unlock.activateBack')}</button>
    </form>
  );
}

function CreateForm() {
  const t = useT();
  const create = useSession((s) => s.create);
  const [label, setLabel] = useState('');
  const [user, setUser] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (passphrase !== repeat) return setError(t('create.mismatch'));
    if (passphrase.length < 12) return setError(t('create.tooShort'));
    setBusy(true);
    setError('');
    try {
      await create(label, user, passphrase);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} aria-busy={busy}>
      <h2>{t('create.title')}</h2>
      <p className="hint">{t('create.intro')}</p>
      <Field label={t('create.label')}>{(id) => <input id={id} value={label} onChange={(e) => setLabel(e.target.value)} required />}</Field>
      <Field label={t('create.admin')} hint={t('create.adminHint')}>
        {(id, hint) => <input id={id} aria-describedby={hint} value={user} onChange={(e) => setUser(e.target.value)} autoComplete="username" required />}
      </Field>
      <Field label={t('create.passphrase')} hint={t('create.passphraseHint')}>
        {(id, hint) => <input id={id} aria-describedby={hint} type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="new-password" required />}
      </Field>
      <Field label={t('create.repeat')}>{(id) => <input id={id} type="password" value={repeat} onChange={(e) => setRepeat(e.target.value)} autoComplete="new-password" required />}</Field>
      <ErrorNote>{error}</ErrorNote>
      <button type="submit" className="primary" disabled={busy}>{busy ? t('create.working') : t('create.submit')}</button>
    </form>
  );
}

/** A new laptop: the vault made again from a backup folder, checked whole, opened with any user's passphrase. */
function RestoreForm() {
  const t = useT();
  const restore = useSession((s) => s.restore);
  const progress = useProgress((s) => s.items['backup:']);
  const [label, setLabel] = useState('');
  const [user, setUser] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      await restore(label, user, passphrase);
    } catch (err) {
      setError(errorText(err));
    } finally {
      useProgress.getState().clear('backup');
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} aria-busy={busy}>
      <h2>{t('restore.title')}</h2>
      <p className="hint">{t('restore.intro')}</p>
      <Field label={t('create.label')}>{(id) => <input id={id} value={label} onChange={(e) => setLabel(e.target.value)} required />}</Field>
      <Field label={t('restore.user')}>{(id) => <input id={id} value={user} onChange={(e) => setUser(e.target.value)} autoComplete="username" required />}</Field>
      <Field label={t('create.passphrase')}>{(id) => <input id={id} type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="current-password" required />}</Field>
      {busy && progress ? <Progress label={t('restore.progress')} done={progress.done} total={progress.total} /> : null}
      <ErrorNote>{error}</ErrorNote>
      <button type="submit" className="primary" disabled={busy}>{busy ? t('restore.working') : t('restore.submit')}</button>
    </form>
  );
}
