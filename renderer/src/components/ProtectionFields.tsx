// The export's protections (T5): each starts at the recipient's default, and the check and the
// export are sent exactly what is shown here.
import type { ExportProtection } from '../../../shared/dossier/export-protection';
import {
  COORDINATE_POLICIES, REDACTABLE, ROUNDING_SQUARE, STAFF_NAMING, roundingOf, type CoordinatePolicy, type Redactable, type StaffNaming,
} from '../../../shared/vocabulary/export-protection';
import { useT } from '../i18n';
import { Field } from './Field';

export function ProtectionFields({ value, onChange }: { value: ExportProtection; onChange: (p: Partial<ExportProtection>) => void }) {
  const t = useT();
  const toggle = (r: Redactable, on: boolean) => onChange({ redact: REDACTABLE.filter((x) => (x === r ? on : value.redact.includes(x))) });
  const coordinates = (p: CoordinatePolicy): string => {
    const n = roundingOf(p);
    if (n !== null) return t('dossier.coordinates.round', { n, size: ROUNDING_SQUARE[n] });
    return p === 'keep' ? t('dossier.coordinates.keep') : t('dossier.coordinates.drop');
  };
  return (
    <fieldset className="grid">
      <legend>{t('dossier.protection')}</legend>
      <p className="hint">{t('dossier.protectionDefaults')}</p>
      {REDACTABLE.map((r) => (
        <label key={r} className="check"><input type="checkbox" checked={value.redact.includes(r)} onChange={(e) => toggle(r, e.target.checked)} />{t(`dossier.redact.${r}`)}</label>
      ))}
      <Field label={t('dossier.coordinates')}>
        {(id) => (
          <select id={id} value={value.coordinates} onChange={(e) => onChange({ coordinates: e.target.value as CoordinatePolicy })}>
            {COORDINATE_POLICIES.map((p) => <option key={p} value={p}>{coordinates(p)}</option>)}
          </select>
        )}
      </Field>
      <Field label={t('dossier.staffNames')}>
        {(id) => (
          <select id={id} value={value.staffNames} onChange={(e) => onChange({ staffNames: e.target.value as StaffNaming })}>
            {STAFF_NAMING.map((s) => <option key={s} value={s}>{t(`dossier.staffNames.${s}`)}</option>)}
          </select>
        )}
      </Field>
      <label className="check"><input type="checkbox" checked={value.originalNames} onChange={(e) => onChange({ originalNames: e.target.checked })} />{t('dossier.originalNames')}</label>
      <label className="check"><input type="checkbox" checked={value.keepOffFileAsPseudonym} onChange={(e) => onChange({ keepOffFileAsPseudonym: e.target.checked })} />{t('dossier.keepOffFile')}</label>
    </fieldset>
  );
}
