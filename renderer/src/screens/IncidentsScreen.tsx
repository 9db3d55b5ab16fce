// Cases on the left, the incidents of the chosen case (or all) on the right, searchable.
import { useEffect, useState, type FormEvent } from 'react';
import { errorText } from '../api';
import { ErrorNote, Field } from '../components/Field';
import { IncidentFilters } from '../components/IncidentFilters';
import { IncidentList } from '../components/IncidentList';
import { useT } from '../i18n';
import { useCases } from '../stores/cases-store';
import { useIncidents } from '../stores/incidents-store';
import { useNav } from '../stores/nav-store';

export function IncidentsScreen() {
  const t = useT();
  const { cases, load, add, setStatus } = useCases();
  const { filter, setFilter, total } = useIncidents();
  const go = useNav((s) => s.go);
  const [title, setTitle] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    load().catch((e: unknown) => setError(errorText(e)));
    setFilter(useIncidents.getState().filter).catch((e: unknown) => setError(errorText(e)));
  }, [load, setFilter]);

  const addCase = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const id = await add(title);
      setTitle('');
      await setFilter({ ...filter, caseId: id });
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <div className="two-pane">
      <section className="pane cases" aria-labelledby="cases-h">
        <h2 id="cases-h">{t('cases.title')}</h2>
        <ul className="case-list">
          <li>
            <button type="button" aria-pressed={filter.caseId === undefined} onClick={() => void setFilter({ ...filter, caseId: undefined })}>
              {t('cases.all')}
            </button>
          </li>
          {cases.map((c) => (
            <li key={c.id} className={c.status === 'closed' ? 'closed' : undefined}>
              <button type="button" aria-pressed={filter.caseId === c.id} onClick={() => void setFilter({ ...filter, caseId: c.id })}>
                <span>{c.title}</span>
                <span className="count">
                  {t('cases.count', { n: c.incidentCount })}{c.status === 'closed' ? ` · ${t('cases.closed')}` : null}
                </span>
              </button>
              {filter.caseId === c.id ? (
                <button type="button" className="link" onClick={() => void setStatus(c.id, c.status === 'open' ? 'closed' : 'open')}>
                  {c.status === 'open' ? t('cases.close') : t('cases.reopen')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
        <form onSubmit={addCase} className="inline-form">
          <Field label={t('cases.new')}>{(id) => <input id={id} value={title} onChange={(e) => setTitle(e.target.value)} required />}</Field>
          <button type="submit">{t('cases.add')}</button>
        </form>
      </section>
      <section className="pane incidents" aria-labelledby="incidents-h">
        <div className="pane-head">
          <h2 id="incidents-h">{t('incidents.title')}</h2>
          <span className="count" aria-live="polite">{total === null ? t('common.loading') : t('incidents.total', { n: total })}</span>
          <button
            type="button"
            className="primary"
            disabled={filter.caseId === undefined}
            title={filter.caseId === undefined ? t('incidents.pickCase') : undefined}
            onClick={() => filter.caseId !== undefined && go({ screen: 'incidentForm', caseId: filter.caseId })}
          >
            {t('incidents.new')}
          </button>
        </div>
        <IncidentFilters />
        <ErrorNote>{error}</ErrorNote>
        <IncidentList onOpen={(id) => go({ screen: 'incident', id })} />
      </section>
    </div>
  );
}
