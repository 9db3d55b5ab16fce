// People with a key to the vault, their roles and key fingerprints (to publish), their own
// passphrase, and what each has done. A new person gets a one-time passphrase, shown once.
import { useEffect, useState, type FormEvent } from 'react';
import { ROLES, type Role } from '../../../shared/vocabulary/roles';
import type { Response } from '../../../shared/ipc/contract';
import { api, errorText, unwrap } from '../api';
import { ErrorNote, Field } from '../components/Field';
import { useT } from '../i18n';
import { useSession } from '../stores/session-store';
import { CustodyScreen } from './CustodyScreen';

export function UsersScreen() {
  const t = useT();
  const status = useSession((s) => s.status);
  const [users, setUsers] = useState<Response<'users.list'>>([]);
  const [activityOf, setActivityOf] = useState<string | null>(null);
  const [error, setError] = useState('');
  const load = () => unwrap(api().users.list()).then(setUsers, (e: unknown) => setError(errorText(e)));
  useEffect(() => void load(), []);
  const isAdmin = status.state === 'unlocked' && status.user.role === 'admin';

  return (
    <section aria-labelledby="users-h" className="users">
      <h2 id="users-h">{t('users.title')}</h2>
      <ErrorNote>{error}</ErrorNote>
      <table>
        <thead><tr><th scope="col">{t('users.name')}</th><th scope="col">{t('users.role')}</th><th scope="col">{t('users.fingerprint')}</th><th scope="col">{t('users.activity')}</th></tr></thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.name}>
              <td>{u.name}</td>
              <td>{t(`role.${u.role}`)}</td>
              <td>{u.fingerprint ? <Fingerprint value={u.fingerprint} /> : t('users.mustActivate')}</td>
              <td><button type="button" className="link" onClick={() => setActivityOf(u.name)}>{t('users.showActivity')}</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      {isAdmin ? <AddUser onAdded={load} /> : null}
      <ChangePassphrase />
      {activityOf ? <CustodyScreen actor={activityOf} /> : null}
    </section>
  );
}

function Fingerprint({ value }: { value: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const copy = () => void navigator.clipboard.writeText(value).then(() => setCopied(true), () => setCopied(false));
  return (
    <span className="fingerprint">
      <code className="hash">{value}</code>{' '}
      <button type="button" className="link" onClick={copy} aria-label={t('users.copyFingerprint')}>{copied ? t('users.copied') : t('users.copy')}</button>
    </span>
  );
}

function AddUser({ onAdded }: { onAdded: () => void }) {
  const t = useT();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('documenter');
  const [given, setGiven] = useState<{ name: string; oneTimePassphrase: string | null } | null>(null);
  const [error, setError] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    try {
      const { oneTimePassphrase } = await unwrap(api().users.add({ name, role }));
      setGiven({ name, oneTimePassphrase });
      setName('');
      onAdded();
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <form className="card" onSubmit={submit}>
      <h3>{t('users.add')}</h3>
      <Field label={t('users.name')}>{(id) => <input id={id} value={name} onChange={(e) => setName(e.target.value)} required />}</Field>
      <Field label={t('users.role')}>
        {(id) => (
          <select id={id} value={role} onChange={(e) => setRole(e.target.value as typeof role)}>
            {ROLES.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
          </select>
        )}
      </Field>
      <ErrorNote>{error}</ErrorNote>
      {given ? (
        <div role="status" className="one-time">
          {given.oneTimePassphrase === null ? <p>{t('users.auditorAdded', { name: given.name })}</p> : (
            <>
              <p>{t('users.oneTimeGiven', { name: given.name })}</p>
              <p><code>{given.oneTimePassphrase}</code></p>
              <p>{t('users.oneTimeOnce')}</p>
            </>
          )}
          <button type="button" onClick={() => setGiven(null)}>{t('users.oneTimeDone')}</button>
        </div>
      ) : null}
      <button type="submit" className="primary">{t('users.addSubmit')}</button>
    </form>
  );
}

function ChangePassphrase() {
  const t = useT();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    try {
      await unwrap(api().users.changePassphrase({ current, next }));
      setMessage(t('users.passphraseChanged'));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setCurrent('');
      setNext('');
    }
  };
  return (
    <form className="card" onSubmit={submit}>
      <h3>{t('users.change')}</h3>
      <Field label={t('users.current')}>{(id) => <input id={id} type="password" value={current} onChange={(e) => setCurrent(e.target.value)} autoComplete="current-password" required />}</Field>
      <Field label={t('users.next')} hint={t('create.passphraseHint')}>
        {(id, hint) => <input id={id} aria-describedby={hint} type="password" value={next} onChange={(e) => setNext(e.target.value)} autoComplete="new-password" minLength={12} required />}
      </Field>
      <ErrorNote>{error}</ErrorNote>
      {message ? <p role="status">{message}</p> : null}
      <button type="submit">{t('users.changeSubmit')}</button>
    </form>
  );
}
