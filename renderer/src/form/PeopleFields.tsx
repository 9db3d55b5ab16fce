// People affected: the pseudonym comes first because exports show it, not the name (T5).
import { DateInput } from '../components/DateInput';
import { useT } from '../i18n';
import { emptyPerson, type PersonRow } from './incident-form-model';

export function PeopleFields({ rows, onChange }: { rows: PersonRow[]; onChange: (rows: PersonRow[]) => void }) {
  const t = useT();
  const update = (i: number, patch: Partial<PersonRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="rows">
      <legend>{t('form.affected')}</legend>
      <p className="hint">{t('form.affectedHint')}</p>
      {rows.map((p, i) => (
        <div className="row-fields" key={i} role="group" aria-label={t('form.personN', { n: i + 1 })}>
          <label>{t('form.pseudonym')}<input value={p.pseudonym} onChange={(e) => update(i, { pseudonym: e.target.value })} /></label>
          <label>{t('form.realName')}<input value={p.name} onChange={(e) => update(i, { name: e.target.value })} /></label>
          <label>{t('form.personRole')}<input value={p.role} onChange={(e) => update(i, { role: e.target.value })} /></label>
          <label>{t('form.community')}<input value={p.community} onChange={(e) => update(i, { community: e.target.value })} /></label>
          <label className="check"><input type="checkbox" checked={p.toFile} onChange={(e) => update(i, { toFile: e.target.checked })} />{t('form.consentFile')}</label>
          <label className="check"><input type="checkbox" checked={p.toNameToState} onChange={(e) => update(i, { toNameToState: e.target.checked })} />{t('form.consentState')}</label>
          <label className="check"><input type="checkbox" checked={p.toPublicReport} onChange={(e) => update(i, { toPublicReport: e.target.checked })} />{t('form.consentPublic')}</label>
          <label>{t('form.consentObtainedOn')}<DateInput value={p.obtainedOn ?? ''} onChange={(v) => update(i, { obtainedOn: v })} /></label>
          <label>{t('form.consentObtainedBy')}<input value={p.obtainedBy ?? ''} onChange={(e) => update(i, { obtainedBy: e.target.value })} /></label>
          <button type="button" className="link" onClick={() => onChange(rows.filter((_, j) => j !== i))}>{t('form.remove')}</button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...rows, emptyPerson()])}>{t('form.addPerson')}</button>
    </fieldset>
  );
}
