// One item of evidence: its seal (hash, size, acquisition), its metadata with what identifies a
// person, device or place highlighted, and the sealed original beside the shareable exhibit.
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { api, errorText, unwrap } from '../api';
import { ErrorNote } from '../components/Field';
import { useT } from '../i18n';
import { useEvidence } from '../stores/evidence-store';
import { useNav } from '../stores/nav-store';

export function EvidenceScreen({ id, incidentId }: { id: number; incidentId: number }) {
  const t = useT();
  const intl = useIntl();
  const go = useNav((s) => s.go);
  const detail = useEvidence((s) => (s.detail?.id === id ? s.detail : null));
  const [error, setError] = useState('');

  useEffect(() => {
    useEvidence.getState().loadDetail(id).catch((e: unknown) => setError(errorText(e)));
  }, [id]);

  const makeExhibit = async () => {
    try {
      await unwrap(api().evidence.makeExhibit({ id }));
      await useEvidence.getState().loadDetail(id);
    } catch (e) {
      setError(errorText(e));
    }
  };

  if (!detail) return <ErrorNote>{error}</ErrorNote>;
  const exhibit = detail.exhibits[0];
  // A stored exhibit when one was made; otherwise what one made now would look like.
  const shown = exhibit ?? detail.preview;
  const identifying = detail.metadata.filter((m) => m.identifying).length;

  return (
    <article className="evidence">
      <div className="pane-head">
        <h2>{detail.name}</h2>
        <button type="button" className="link" onClick={() => go({ screen: 'incident', id: incidentId })}>{t('evidence.back')}</button>
      </div>
      <dl className="facts seal">
        <div><dt>{t('evidence.sha256')}</dt><dd><code className="hash">{detail.sha256}</code></dd></div>
        <div><dt>{t('evidence.size')}</dt><dd>{t('evidence.bytes', { n: detail.bytes })}</dd></div>
        <div><dt>{t('evidence.mediaType')}</dt><dd>{detail.mediaType}</dd></div>
        <div><dt>{t('evidence.imported')}</dt><dd>{t('evidence.importedLine', { at: intl.formatDate(detail.importedAt, { dateStyle: 'medium', timeStyle: 'short' }), by: detail.importedBy })}</dd></div>
        {detail.acquisition ? (
          <div><dt>{t('evidence.method')}</dt><dd>{[t(`acquisition.${detail.acquisition.method}`), detail.acquisition.from, detail.acquisition.platform].filter(Boolean).join(' · ')}</dd></div>
        ) : null}
      </dl>
      <div className="actions">
        <button type="button" onClick={() => go({ screen: 'custody', subject: `evidence:${id}` })}>{t('incident.custody')}</button>
        {exhibit ? null : <button type="button" onClick={makeExhibit}>{t('evidence.makeExhibit')}</button>}
      </div>
      <ErrorNote>{error}</ErrorNote>
      <div className="side-by-side">
        <figure>
          <figcaption>{t('evidence.original')}</figcaption>
          <Display id={id} which="original" alt={t('evidence.original')} />
        </figure>
        <figure>
          <figcaption>{exhibit ? t('evidence.exhibit') : t('evidence.exhibitPreview')}</figcaption>
          {shown ? (
            <>
              <Display id={id} which="exhibit" alt={t('evidence.exhibit')} />
              <p className="hint">{shown.pixelsIdentical ? t('evidence.pixelsIdentical') : t('evidence.reencoded')}</p>
              <p className="hint">{t('evidence.removed', { list: shown.removed.join(', ') || t('common.unknown') })}</p>
            </>
          ) : (
            <p className="empty">{t('evidence.noExhibit')}</p>
          )}
        </figure>
      </div>
      <section aria-labelledby="meta-h">
        <h3 id="meta-h">{t('evidence.metadata')}</h3>
        <p className="hint">{t('evidence.identifyingCount', { n: identifying })}</p>
        <table className="metadata">
          <thead><tr><th scope="col">{t('evidence.group')}</th><th scope="col">{t('evidence.tag')}</th><th scope="col">{t('evidence.value')}</th></tr></thead>
          <tbody>
            {detail.metadata.map((m, i) => (
              <tr key={i} className={m.identifying ? 'identifying' : undefined}>
                <td>{m.group}</td>
                <td>{m.tag}{m.identifying ? <span className="badge warn">{t('evidence.identifies')}</span> : null}</td>
                <td>{m.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </article>
  );
}

function Display({ id, which, alt }: { id: number; which: 'original' | 'exhibit'; alt: string }) {
  const t = useT();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    useEvidence.getState().display(id, which).then(setUrl, (e: unknown) => setError(errorText(e)));
  }, [id, which]);
  if (error) return <p className="hint">{error}</p>;
  return url ? <img src={url} alt={alt} className="display" /> : <p className="hint">{t('common.loading')}</p>;
}
