import { Field } from '../components/Field';
import { ERASE_SHORTCUTS, type EraseShortcut } from '../../../shared/vocabulary/erase-shortcuts';
import { EraseVault } from '../components/EraseVault';
import { LanguagePicker } from '../components/LanguagePicker';
import { useT } from '../i18n';
import { useSession } from '../stores/session-store';
import { useSettings } from '../stores/settings-store';
import { systemTimeZone, useTimeZone } from '../stores/time-zone-store';

const IDLE_CHOICES = [1, 2, 5, 10, 15, 30, 60];
const ERASE_CHOICES = [3, 5, 10, 20];

export function SettingsScreen() {
  const t = useT();
  const { settings, update } = useSettings();
  const { timeZone, setTimeZone } = useTimeZone();
  const zones = Intl.supportedValuesOf('timeZone');
  const status = useSession((s) => s.status);
  return (
    <section aria-labelledby="settings-h" className="settings">
      <h2 id="settings-h">{t('settings.title')}</h2>
      <LanguagePicker />
      <Field label={t('settings.autoLock')} hint={t('settings.autoLockHint')}>
        {(id, hint) => (
          <select id={id} aria-describedby={hint} value={settings.autoLockMinutes} onChange={(e) => void update({ autoLockMinutes: Number(e.target.value) })}>
            {IDLE_CHOICES.map((m) => <option key={m} value={m}>{t('settings.minutes', { n: m })}</option>)}
          </select>
        )}
      </Field>
      <Field label={t('settings.timeZone')} hint={t('settings.timeZoneHint', { system: systemTimeZone() })}>
        {(id, hint) => (
          <select id={id} aria-describedby={hint} value={timeZone} onChange={(e) => setTimeZone(e.target.value)}>
            {(zones.includes(timeZone) ? zones : [timeZone, ...zones]).map((z) => <option key={z} value={z}>{z.replace(/_/g, ' ')}</option>)}
          </select>
        )}
      </Field>
      <Field label={t('settings.eraseAfter')} hint={t('settings.eraseAfterHint')}>
        {(id, hint) => (
          <select id={id} aria-describedby={hint} value={settings.eraseAfterFailedUnlocks ?? ''}
            onChange={(e) => void update({ eraseAfterFailedUnlocks: e.target.value ? Number(e.target.value) : null })}>
            <option value="">{t('settings.eraseNever')}</option>
            {ERASE_CHOICES.map((n) => <option key={n} value={n}>{t('settings.eraseAfterN', { n })}</option>)}
          </select>
        )}
      </Field>
      <Field label={t('settings.eraseShortcut')} hint={t('settings.eraseShortcutHint')}>
        {(id, hint) => (
          <select id={id} aria-describedby={hint} value={settings.eraseShortcut ?? ''}
            onChange={(e) => void update({ eraseShortcut: e.target.value ? (e.target.value as EraseShortcut) : null })}>
            <option value="">{t('settings.eraseNever')}</option>
            {ERASE_SHORTCUTS.map((k) => <option key={k} value={k}>{k}</option>)}
          </select>
        )}
      </Field>
      {status.state === 'unlocked' ? <EraseVault label={status.label} /> : null}
    </section>
  );
}
