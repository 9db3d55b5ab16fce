// The early-warning view of the field protocol: incidents over time by risk and by type, open
// cases, and incidents no authority has heard of yet; then the programme's figures, all for the
// period chosen (every incident when none is).
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import type { Response } from '../../../shared/ipc/contract';
import { api, errorText, unwrap } from '../api';
import { ByType, RiskByMonth } from '../components/Charts';
import { DateInput } from '../components/DateInput';
import { ProgrammeFigures } from '../components/ProgrammeFigures';
import { ErrorNote, Field } from '../components/Field';
import { useT } from '../i18n';
import { useIncidents } from '../stores/incidents-store';
import { useNav } from '../stores/nav-store';

const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

export function DashboardScreen() {
  const t = useT();
  const intl = useIntl();
  const go = useNav((s) => s.go);
  const [stats, setStats] = useState<Response<'dashboard.stats'> | null>(null);
  const [error, setError] = useState('');
  const [period, setPeriod] = useState<{ from?: string; to?: string }>({});
  useEffect(() => {
    unwrap(api().dashboard.stats(period)).then(setStats, (e: unknown) => setError(errorText(e)));
  }, [period.from, period.to]);
  const setBound = (key: 'from' | 'to', v: string) => setPeriod((p) => {
    const { [key]: _old, ...rest } = p;
    return isDay(v) ? { ...rest, [key]: v } : rest;
  });

  const showUnreported = () => {
    void useIncidents.getState().setFilter({ notReportedOnly: true });
    go({ screen: 'incidents' });
  };

  return (
    <section aria-labelledby="dash-h" className="dashboard">
      <h2 id="dash-h">{t('dashboard.title')}</h2>
      <fieldset className="period">
        <legend>{t('dashboard.period')}</legend>
        <Field label={t('filters.from')}>{(id) => <DateInput id={id} value={period.from ?? ''} onChange={(v) => setBound('from', v)} />}</Field>
        <Field label={t('filters.to')}>{(id) => <DateInput id={id} value={period.to ?? ''} onChange={(v) => setBound('to', v)} />}</Field>
      </fieldset>
      <ErrorNote>{error}</ErrorNote>
      {stats ? (
        <>
          <div className="tiles">
            <div className="tile"><span className="tile-value">{intl.formatNumber(stats.total)}</span><span>{t('dashboard.total')}</span></div>
            <div className="tile"><span className="tile-value">{intl.formatNumber(stats.openCases)}</span><span>{t('dashboard.openCases')}</span></div>
            <button type="button" className="tile warn" onClick={showUnreported} disabled={stats.notReported === null}>
              <span className="tile-value">{stats.notReported === null ? t('common.unknown') : intl.formatNumber(stats.notReported)}</span><span>{t('dashboard.notReported')}</span>
            </button>
          </div>
          <RiskByMonth data={stats.byMonth} />
          <ByType data={stats.byType} />
          <ProgrammeFigures stats={stats} period={period} />
        </>
      ) : null}
    </section>
  );
}
