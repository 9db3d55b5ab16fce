// The programme's numbers as organisations report them to funders: shares, the median delay to
// a complaint, measures, incidents by region and by authority told; each table can be saved as
// CSV (counts and places only, no person).
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { Response } from '../../../shared/ipc/contract';
import type { CsvFigure } from '../../../shared/vocabulary/stats-figures';
import { api, errorText, unwrap } from '../api';
import { ErrorNote } from './Field';
import { useT } from '../i18n';

type Stats = Response<'dashboard.stats'>;
type Period = { from?: string; to?: string };

export function ProgrammeFigures({ stats, period }: { stats: Stats; period: Period }) {
  const t = useT();
  const intl = useIntl();
  const [saved, setSaved] = useState('');
  const [error, setError] = useState('');
  const share = (n: number) => (stats.total === 0 ? '—' : intl.formatNumber(n / stats.total, { style: 'percent' }));
  const save = async (figure: CsvFigure) => {
    setError('');
    setSaved('');
    try {
      const r = await unwrap(api().dashboard.saveCsv({ figure, ...period }));
      if (r) setSaved(t('programme.saved', { location: r.location }));
    } catch (e) {
      setError(errorText(e));
    }
  };
  const csv = (figure: CsvFigure, label: string) => (
    <button type="button" className="link" onClick={() => void save(figure)}>{t('programme.saveCsv', { table: label })}</button>
  );
  return (
    <section aria-labelledby="programme-h" className="programme">
      <h3 id="programme-h">{t('programme.title')}</h3>
      <dl className="figures">
        <div><dt>{t('programme.withEvidence')}</dt><dd>{share(stats.withEvidence)} <span className="hint">({intl.formatNumber(stats.withEvidence)})</span></dd></div>
        <div><dt>{t('programme.reported')}</dt><dd>{share(stats.reported)} <span className="hint">({intl.formatNumber(stats.reported)})</span></dd></div>
        <div>
          <dt>{t('programme.medianDays')}</dt>
          <dd>{stats.medianDaysToComplaint === null ? t('programme.noDatedComplaint') : t('programme.days', { days: stats.medianDaysToComplaint })} <span className="hint">{t('programme.over', { n: stats.datedComplaints })}</span></dd>
        </div>
        <div><dt>{t('programme.measuresRequested')}</dt><dd>{intl.formatNumber(stats.measuresRequested)}</dd></div>
        <div><dt>{t('programme.measuresGranted')}</dt><dd>{intl.formatNumber(stats.measuresGranted)}</dd></div>
      </dl>
      <div className="actions">{csv('summary', t('programme.title'))}{csv('month', t('dashboard.byMonth'))}{csv('type', t('dashboard.byType'))}</div>
      <table className="figure-table">
        <caption>{t('programme.byAuthority')}</caption>
        <thead><tr><th scope="col">{t('programme.authority')}</th><th scope="col">{t('programme.incidents')}</th></tr></thead>
        <tbody>
          {stats.byAuthority.map((a) => <tr key={a.authority}><th scope="row">{t(`authority.${a.authority}`)}</th><td>{intl.formatNumber(a.count)}</td></tr>)}
        </tbody>
      </table>
      {csv('authority', t('programme.byAuthority'))}
      <table className="figure-table">
        <caption>{t('programme.byRegion')}</caption>
        <thead><tr><th scope="col">{t('place.country')}</th><th scope="col">{t('place.region')}</th><th scope="col">{t('programme.incidents')}</th></tr></thead>
        <tbody>
          {stats.byRegion.map((r) => (
            <tr key={`${r.country ?? ''}/${r.region ?? ''}`}>
              <td>{r.country ?? t('programme.notRecorded')}</td><th scope="row">{r.region ?? t('programme.notRecorded')}</th><td>{intl.formatNumber(r.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {csv('region', t('programme.byRegion'))}
      <p className="hint" aria-live="polite">{saved}</p>
      <ErrorNote>{error}</ErrorNote>
    </section>
  );
}
