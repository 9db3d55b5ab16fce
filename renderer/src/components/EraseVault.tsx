// "Erase this laptop's vault now", for a raid: the user types the vault's name, and main
// overwrites the key header before removing the files (main/accounts/erase-vault.ts).
import { useState, type FormEvent } from 'react';
import { errorText } from '../api';
import { useT } from '../i18n';
import { useSession } from '../stores/session-store';
import { ErrorNote, Field } from './Field';

export function EraseVault({ label }: { label: string }) {
  const t = useT();
  const erase = useSession((s) => s.erase);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await erase(typed);
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <form className="card danger-zone" onSubmit={(e) => void submit(e)} aria-labelledby="erase-h">
      <h3 id="erase-h">{t('erase.title')}</h3>
      <p>{t('erase.explain')}</p>
      <p className="hint">{t('erase.limits')}</p>
      <Field label={t('erase.typeName', { label })}>
        {(id) => <input id={id} value={typed} autoComplete="off" onChange={(e) => setTyped(e.target.value)} />}
      </Field>
      <ErrorNote>{error}</ErrorNote>
      <button type="submit" className="danger" disabled={typed !== label}>{t('erase.submit')}</button>
    </form>
  );
}
