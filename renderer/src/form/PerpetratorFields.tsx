// Who the perpetrators may be, one row each: the actor type is what protection programmes count.
import { ACTOR_TYPES } from '../../../shared/incident/incident-schema';
import { useT } from '../i18n';
import { emptyPerpetrator, type PerpetratorRow } from './incident-form-model';

export function PerpetratorFields({ rows, onChange }: { rows: PerpetratorRow[]; onChange: (rows: PerpetratorRow[]) => void }) {
  const t = useT();
  const update = (i: number, patch: Partial<PerpetratorRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="rows">
      <legend>{t('form.perpetratorDetails')}</legend>
      {rows.map((p, i) => (
        <div className="row-fields" key={i} role="group" aria-label={t('form.perpetratorN', { n: i + 1 })}>
          <label>{t('form.actorType')}
            <select value={p.actorType} onChange={(e) => update(i, { actorType: e.target.value })}>
              <option value="">{t('form.choose')}</option>
              {ACTOR_TYPES.map((a) => <option key={a} value={a}>{t(`actorType.${a}`)}</option>)}
            </select>
          </label>
          <label>{t('form.affiliation')}<input value={p.affiliation} onChange={(e) => update(i, { affiliation: e.target.value })} /></label>
          <label className="grow">{t('form.perpetratorDescription')}<input value={p.description} onChange={(e) => update(i, { description: e.target.value })} /></label>
          <button type="button" className="link" onClick={() => onChange(rows.filter((_, j) => j !== i))}>{t('form.remove')}</button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...rows, emptyPerpetrator()])}>{t('form.addPerpetrator')}</button>
    </fieldset>
  );
}
