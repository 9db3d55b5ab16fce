// Witnesses: as dangerous to name as the people affected, so the pseudonym comes first (T5).
import { useT } from '../i18n';
import { emptyWitness, type WitnessRow } from './incident-form-model';

export function WitnessFields({ rows, onChange }: { rows: WitnessRow[]; onChange: (rows: WitnessRow[]) => void }) {
  const t = useT();
  const update = (i: number, patch: Partial<WitnessRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="rows">
      <legend>{t('form.witnesses')}</legend>
      {rows.map((w, i) => (
        <div className="row-fields" key={i} role="group" aria-label={t('form.witnessN', { n: i + 1 })}>
          <label>{t('form.pseudonym')}<input value={w.pseudonym} onChange={(e) => update(i, { pseudonym: e.target.value })} /></label>
          <label>{t('form.realName')}<input value={w.name} onChange={(e) => update(i, { name: e.target.value })} /></label>
          <label>{t('form.willingToTestify')}
            <select value={w.willingToTestify} onChange={(e) => update(i, { willingToTestify: e.target.value as WitnessRow['willingToTestify'] })}>
              <option value="">{t('form.willingUnknown')}</option>
              <option value="yes">{t('form.willingYes')}</option>
              <option value="no">{t('form.willingNo')}</option>
            </select>
          </label>
          <button type="button" className="link" onClick={() => onChange(rows.filter((_, j) => j !== i))}>{t('form.remove')}</button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...rows, emptyWitness()])}>{t('form.addWitness')}</button>
    </fieldset>
  );
}
