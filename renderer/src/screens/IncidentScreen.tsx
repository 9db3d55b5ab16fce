// One incident: what happened, its versions, its evidence, and what can be done next.
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { api, errorText, unwrap } from '../api';
import type { Response } from '../../../shared/ipc/contract';
import { ErrorNote } from '../components/Field';
import { EvidenceImport } from '../components/EvidenceImport';
import { EvidenceGrid } from '../components/EvidenceGrid';
import { useFormats } from '../formats';
import { useT } from '../i18n';
import { incidentFacts } from './incident-facts';
import { useNav } from '../stores/nav-store';

type Current = Response<'incidents.get'>;
type Versions = Response<'incidents.versions'>;

export function IncidentScreen({ id }: { id: number }) {
  const t = useT();
  const intl = useIntl();
  const f = useFormats();
  const go = useNav((s) => s.go);
  const [current, setCurrent] = useState<Current | null>(null);
  const [versions, setVersions] = useState<Versions>([]);
  const [error, setError] = useState('');

  useEffect(() => {
    unwrap(api().incidents.get({ id })).then(setCurrent, (e: unknown) => setError(errorText(e)));
    unwrap(api().incidents.versions({ id })).then(setVersions, () => setVersions([]));
  }, [id]);

  if (!current) return <ErrorNote>{error}</ErrorNote>;
  const i = current.incident;
  const facts = incidentFacts(i, t, f);

  return (
    <article className="incident">
      <div className="pane-head">
        <h2>{intl.formatDate(i.occurredAt, { dateStyle: 'full', timeStyle: 'short' })}</h2>
        <span className={`badge risk-${i.riskLevel}`}>{t(`risk.${i.riskLevel}`)}</span>
        <span className="hint">{t('incident.version', { n: current.version })}</span>
      </div>
      <div className="actions">
        <button type="button" onClick={() => go({ screen: 'incidentForm', caseId: current.caseId, id })}>{t('incident.edit')}</button>
        <button type="button" onClick={() => go({ screen: 'custody', subject: `incident:${id}` })}>{t('incident.custody')}</button>
        <button type="button" onClick={() => go({ screen: 'dossier', incidentIds: [id] })}>{t('incident.dossier')}</button>
      </div>
      <dl className="facts">
        {facts.map(([k, v]) => (
          <div key={k}><dt>{k}</dt><dd>{v}</dd></div>
        ))}
      </dl>
      <section aria-labelledby="ev-h">
        <h3 id="ev-h">{t('evidence.title')}</h3>
        <EvidenceImport incidentId={id} />
        <EvidenceGrid incidentId={id} />
      </section>
      {versions.length > 1 ? (
        <section aria-labelledby="ver-h">
          <h3 id="ver-h">{t('incident.versions')}</h3>
          <ol className="versions">
            {versions.map((v) => (
              <li key={v.version}>{t('incident.versionLine', { n: v.version, at: intl.formatDate(v.at, { dateStyle: 'medium', timeStyle: 'short' }), by: v.by, fields: v.changed.join(', ') })}</li>
            ))}
          </ol>
        </section>
      ) : null}
    </article>
  );
}
