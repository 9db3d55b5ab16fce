// Full-text search and filters; typing waits a moment so each keystroke is not a query.
import { useEffect, useState } from 'react';
import { INCIDENT_TYPES, RISK_LEVELS } from '../../../shared/incident/incident-schema';
import { useT } from '../i18n';
import { useIncidents } from '../stores/incidents-store';
import { DateInput } from './DateInput';
import { Field } from './Field';

const SEARCH_DELAY_MS = 200;
/** A filter bound is applied once the text names a day; until then the list is not narrowed. */
const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

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
        {(id) => <DateInput id={id} value={filter.from ?? ''} onChange={(v) => void setFilter({ ...filter, from: isDay(v) ? v : undefined })} />}
      </Field>
      <Field label={t('filters.to')}>
        {(id) => <DateInput id={id} value={filter.to ?? ''} onChange={(v) => void setFilter({ ...filter, to: isDay(v) ? v : undefined })} />}
      </Field>
      <label className="check">
        <input type="checkbox" checked={filter.notReportedOnly ?? false} onChange={(e) => void setFilter({ ...filter, notReportedOnly: e.target.checked || undefined })} />
        {t('filters.notReported')}
      </label>
    </div>
  );
}
