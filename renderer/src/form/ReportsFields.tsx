// Reports filed with authorities and what each answered, or why none was filed: many stay
// unfiled from fear of reprisal.
import { AUTHORITIES, REPORT_STATUSES } from '../../../shared/incident/incident-schema';
import { DateInput } from '../components/DateInput';
import { useT } from '../i18n';
import { emptyReport, type ReportRow } from './incident-form-model';

interface Props { rows: ReportRow[]; reason: string; onChange: (rows: ReportRow[]) => void; onReason: (reason: string) => void }

export function ReportsFields({ rows, reason, onChange, onReason }: Props) {
  const t = useT();
  const update = (i: number, patch: Partial<ReportRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="rows">
      <legend>{t('form.reports')}</legend>
      {rows.map((r, i) => (
        <div className="row-fields" key={i} role="group" aria-label={t('form.reportN', { n: i + 1 })}>
          <label>{t('form.authority')}
            <select value={r.authority} onChange={(e) => update(i, { authority: e.target.value })}>
              {AUTHORITIES.map((a) => <option key={a} value={a}>{t(`authority.${a}`)}</option>)}
            </select>
          </label>
          <label>{t('form.reference')}<input value={r.reference} onChange={(e) => update(i, { reference: e.target.value })} /></label>
          <label>{t('form.reportedOn')}<DateInput value={r.on} onChange={(v) => update(i, { on: v })} /></label>
          <label>{t('form.status')}
            <select value={r.status} onChange={(e) => update(i, { status: e.target.value })}>
              {REPORT_STATUSES.map((s) => <option key={s} value={s}>{t(`reportStatus.${s}`)}</option>)}
            </select>
          </label>
          <label>{t('form.responseOn')}<DateInput value={r.responseOn ?? ''} onChange={(v) => update(i, { responseOn: v })} /></label>
          <label className="grow">{t('form.response')}<textarea rows={2} value={r.response ?? ''} onChange={(e) => update(i, { response: e.target.value })} /></label>
          <button type="button" className="link" onClick={() => onChange(rows.filter((_, j) => j !== i))}>{t('form.remove')}</button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...rows, emptyReport()])}>{t('form.addReport')}</button>
      {rows.length === 0 ? (
        <label className="block">{t('form.notReportedReason')}
          <textarea rows={2} value={reason} onChange={(e) => onReason(e.target.value)} />
        </label>
      ) : null}
    </fieldset>
  );
}
