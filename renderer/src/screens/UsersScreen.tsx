// People with a key to the vault, their roles, their own passphrase, and what each has done.
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
        <thead><tr><th scope="col">{t('users.name')}</th><th scope="col">{t('users.role')}</th><th scope="col">{t('users.activity')}</th></tr></thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.name}>
              <td>{u.name}</td>
              <td>{t(`role.${u.role}`)}</td>
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

function AddUser({ onAdded }: { onAdded: () => void }) {
  const t = useT();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('documenter');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await unwrap(api().users.add({ name, role, passphrase }));
      setName('');
      setPassphrase('');
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
      <Field label={t('users.initialPassphrase')} hint={t('create.passphraseHint')}>
        {(id, hint) => <input id={id} aria-describedby={hint} type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="new-password" minLength={12} required />}
      </Field>
      <ErrorNote>{error}</ErrorNote>
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
