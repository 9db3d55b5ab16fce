import { Field } from '../components/Field';
import { LanguagePicker } from '../components/LanguagePicker';
import { useT } from '../i18n';
import { useSettings } from '../stores/settings-store';

const IDLE_CHOICES = [1, 2, 5, 10, 15, 30, 60];

export function SettingsScreen() {
  const t = useT();
  const { settings, update } = useSettings();
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
    </section>
  );
}
