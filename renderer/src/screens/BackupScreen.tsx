// Backups of the vault to a folder (a USB stick, a share): when the last one was made, a reminder
// once it is older than the chosen number of days, and progress while one runs.
import { useCallback, useEffect, useState } from 'react';
import type { Response } from '../../../shared/ipc/contract';
import { api, errorText, unwrap } from '../api';
import { ErrorNote, Field, Progress } from '../components/Field';
import { useFormats } from '../formats';
import { useT } from '../i18n';
import { useProgress } from '../stores/progress-store';
import { useSettings } from '../stores/settings-store';

const DAY_MS = 24 * 60 * 60 * 1000;
const REMINDER_CHOICES = [1, 3, 7, 14, 30];

export function BackupScreen() {
  const t = useT();
  const f = useFormats();
  const { settings, update } = useSettings();
  const [status, setStatus] = useState<Response<'backup.status'> | null>(null);
  const [done, setDone] = useState<Response<'backup.toFolder'>>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const progress = useProgress((s) => s.items['backup:']);

  const refresh = useCallback(() => {
    unwrap(api().backup.status()).then(setStatus, (e: unknown) => setError(errorText(e)));
  }, []);
  useEffect(refresh, [refresh]);

  const run = async () => {
    setBusy(true);
    setDone(null);
    setError('');
    try {
      setDone(await unwrap(api().backup.toFolder()));
      refresh();
    } catch (e) {
      setError(errorText(e));
    } finally {
      useProgress.getState().clear('backup');
      setBusy(false);
    }
  };

  const overdue = status !== null && (status.lastAt === null || Date.now() - Date.parse(status.lastAt) > settings.backupReminderDays * DAY_MS);
  return (
    <section aria-labelledby="backup-h">
      <h2 id="backup-h">{t('backup.title')}</h2>
      <p className="hint">{t('backup.intro')}</p>
      {status ? (
        <p role="status" className={overdue ? 'verdict bad' : undefined}>
          {status.lastAt ? t('backup.last', { at: f.instant(status.lastAt), n: status.sequence ?? 0 }) : t('backup.never')}
          {overdue ? ` ${t('backup.reminder', { n: settings.backupReminderDays })}` : ''}
        </p>
      ) : null}
      <button type="button" className="primary" onClick={run} disabled={busy}>{t('backup.toFolder')}</button>
      {busy && progress ? <Progress label={t('backup.progress')} done={progress.done} total={progress.total} /> : null}
      <ErrorNote>{error}</ErrorNote>
      {done ? <p className="verdict good" role="status">{t('backup.done', { n: done.sequence, objects: done.objectsWritten, size: f.bytes(done.bytesWritten) })}</p> : null}
      <Field label={t('backup.remindAfter')} hint={t('backup.remindAfterHint')}>
        {(id, hint) => (
          <select id={id} aria-describedby={hint} value={settings.backupReminderDays} onChange={(e) => void update({ backupReminderDays: Number(e.target.value) })}>
            {REMINDER_CHOICES.map((d) => <option key={d} value={d}>{t('backup.days', { n: d })}</option>)}
          </select>
        )}
      </Field>
    </section>
  );
}
