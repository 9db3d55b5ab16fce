// The early-warning view of the field protocol: incidents over time by risk and by type, open
// cases, and incidents no authority has heard of yet.
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import type { Response } from '../../../shared/ipc/contract';
import { api, errorText, unwrap } from '../api';
import { ByType, RiskByMonth } from '../components/Charts';
import { ErrorNote } from '../components/Field';
import { useT } from '../i18n';
import { useIncidents } from '../stores/incidents-store';
import { useNav } from '../stores/nav-store';

export function DashboardScreen() {
  const t = useT();
  const intl = useIntl();
  const go = useNav((s) => s.go);
  const [stats, setStats] = useState<Response<'dashboard.stats'> | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    unwrap(api().dashboard.stats()).then(setStats, (e: unknown) => setError(errorText(e)));
  }, []);

  const showUnreported = () => {
    void useIncidents.getState().setFilter({ notReportedOnly: true });
    go({ screen: 'incidents' });
  };

  return (
    <section aria-labelledby="dash-h" className="dashboard">
      <h2 id="dash-h">{t('dashboard.title')}</h2>
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
        </>
      ) : null}
    </section>
  );
}
