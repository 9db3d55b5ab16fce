import { LANGUAGES } from '../../../shared/vocabulary/languages';
import { useT } from '../i18n';
import { useSettings } from '../stores/settings-store';
import { Field } from './Field';

export function LanguagePicker() {
  const t = useT();
  const { settings, update } = useSettings();
  return (
    <Field label={t('settings.language')}>
      {(id) => (
        <select id={id} value={settings.language} onChange={(e) => void update({ language: e.target.value as (typeof LANGUAGES)[number] })}>
          {LANGUAGES.map((l) => <option key={l} value={l}>{t(`language.${l}`)}</option>)}
        </select>
      )}
    </Field>
  );
}
