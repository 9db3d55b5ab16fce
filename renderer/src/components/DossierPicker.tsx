// Incidents for the dossier, found by search, and for each the originals whose exhibits may go
// with it (the stored exhibit, or one the export makes).
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import type { Response } from '../../../shared/ipc/contract';
import { api, unwrap } from '../api';
import { useT } from '../i18n';
import { Field } from './Field';

type Summary = Response<'incidents.list'>['items'][number];
type Evidence = Response<'evidence.list'>;

interface Props { incidentIds: number[]; exhibitIds: number[]; onChange: (incidentIds: number[], exhibitIds: number[]) => void }

export function DossierPicker({ incidentIds, exhibitIds, onChange }: Props) {
  const t = useT();
  const intl = useIntl();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Summary[]>([]);
  const [evidence, setEvidence] = useState<Record<number, Evidence>>({});

  useEffect(() => {
    const timer = window.setTimeout(() => {
      unwrap(api().incidents.list({ query: query || undefined, offset: 0, limit: 50 })).then((r) => setFound(r.items), () => setFound([]));
    }, 200);
    return () => window.clearTimeout(timer);
  }, [query]);

  useEffect(() => {
    for (const id of incidentIds) {
      if (!evidence[id]) unwrap(api().evidence.list({ incidentId: id })).then((list) => setEvidence((m) => ({ ...m, [id]: list })), () => undefined);
    }
  }, [incidentIds, evidence]);

  const toggle = (list: number[], id: number) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

  return (
    <fieldset className="picker">
      <legend>{t('dossier.pickIncidents')}</legend>
      <Field label={t('filters.search')}>{(id) => <input id={id} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />}</Field>
      <ul className="pick-list">
        {found.map((i) => (
          <li key={i.id}>
            <label className="check">
              <input type="checkbox" checked={incidentIds.includes(i.id)} onChange={() => onChange(toggle(incidentIds, i.id), exhibitIds)} />
              {t('dossier.incidentLine', { date: intl.formatDate(i.occurredAt, { dateStyle: 'medium' }), place: i.place, type: t(`type.${i.type}`) })}
            </label>
            {incidentIds.includes(i.id) && evidence[i.id]?.length ? (
              <ul className="pick-exhibits">
                {evidence[i.id]?.filter((e) => e.derivedFrom === null).map((e) => (
                  <li key={e.id}>
                    <label className="check">
                      <input type="checkbox" checked={exhibitIds.includes(e.id)} onChange={() => onChange(incidentIds, toggle(exhibitIds, e.id))} />
                      {e.name}
                      <span className="hint">
                        {evidence[i.id]?.some((x) => x.derivedFrom === e.id) ? t('dossier.exhibitStored') : t('dossier.exhibitAtExport')}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
