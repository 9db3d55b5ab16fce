// Full-text search and filters; typing waits a moment so each keystroke is not a query.
import { useEffect, useState } from 'react';
import { INCIDENT_TYPES, RISK_LEVELS } from '../../../shared/incident/incident-schema';
import { useT } from '../i18n';
import { useIncidents } from '../stores/incidents-store';
import { Field } from './Field';

const SEARCH_DELAY_MS = 200;

export function IncidentFilters() {
  const t = useT();
  const { filter, setFilter } = useIncidents();
  const [query, setQuery] = useState(filter.query ?? '');

  useEffect(() => {
    if ((filter.query ?? '') === query) return;
    const timer = window.setTimeout(() => void setFilter({ ...filter, query: query || undefined }), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [query, filter, setFilter]);

  const toggleRisk = (risk: (typeof RISK_LEVELS)[number]) => {
    const now = new Set(filter.risk ?? []);
    if (now.has(risk)) now.delete(risk);
    else now.add(risk);
    void setFilter({ ...filter, risk: now.size ? [...now] : undefined });
  };

  return (
    <div className="filters" role="search">
      <Field label={t('filters.search')}>
        {(id) => <input id={id} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />}
      </Field>
      <fieldset className="risk-filter">
        <legend>{t('filters.risk')}</legend>
        {RISK_LEVELS.map((r) => (
          <label key={r} className={`chip risk-${r}`}>
            <input type="checkbox" checked={filter.risk?.includes(r) ?? false} onChange={() => toggleRisk(r)} />
            {t(`risk.${r}`)}
          </label>
        ))}
      </fieldset>
      <Field label={t('filters.type')}>
        {(id) => (
          <select id={id} value={filter.type?.[0] ?? ''} onChange={(e) => void setFilter({ ...filter, type: e.target.value ? [e.target.value as (typeof INCIDENT_TYPES)[number]] : undefined })}>
            <option value="">{t('filters.anyType')}</option>
            {INCIDENT_TYPES.map((ty) => <option key={ty} value={ty}>{t(`type.${ty}`)}</option>)}
          </select>
        )}
      </Field>
      <Field label={t('filters.from')}>
        {(id) => <input id={id} type="date" value={filter.from ?? ''} onChange={(e) => void setFilter({ ...filter, from: e.target.value || undefined })} />}
      </Field>
      <Field label={t('filters.to')}>
        {(id) => <input id={id} type="date" value={filter.to ?? ''} onChange={(e) => void setFilter({ ...filter, to: e.target.value || undefined })} />}
      </Field>
      <label className="check">
        <input type="checkbox" checked={filter.notReportedOnly ?? false} onChange={(e) => void setFilter({ ...filter, notReportedOnly: e.target.checked || undefined })} />
        {t('filters.notReported')}
      </label>
    </div>
  );
}
