// One item of evidence: its seal (hash, size, acquisition), its metadata with what identifies a
// person, device or place highlighted, and the sealed original beside the stored exhibit. Opening
// the item reads no evidence bytes: metadata was sealed at import, the exhibit is its own item.
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { api, errorText, UiError, unwrap } from '../api';
import { summariseMetadata } from '../../../shared/media/metadata-summary';
import { ErrorNote } from '../components/Field';
import { useFormats } from '../formats';
import { useT } from '../i18n';
import { useEvidence } from '../stores/evidence-store';
import { useNav } from '../stores/nav-store';

export function EvidenceScreen({ id, incidentId }: { id: number; incidentId: number }) {
  const t = useT();
  const intl = useIntl();
  const f = useFormats();
  const go = useNav((s) => s.go);
  const detail = useEvidence((s) => (s.detail?.id === id ? s.detail : null));
  const [error, setError] = useState('');
  const [restricted, setRestricted] = useState(false);

  useEffect(() => {
    // The auditor checks seals and the log, not what a file says about people and places: the
    // core refuses the item, and the screen says so as a fact of the role, not as a failure.
    useEvidence.getState().loadDetail(id).catch((e: unknown) => (e instanceof UiError && e.code === 'E_FORBIDDEN' ? setRestricted(true) : setError(errorText(e))));
  }, [id]);

  const makeExhibit = async () => {
    try {
      await unwrap(api().evidence.makeExhibit({ id }));
      await useEvidence.getState().loadDetail(id);
    } catch (e) {
      setError(errorText(e));
    }
  };

  if (restricted) return <p className="note calm">{t('evidence.restricted')}</p>;
  if (!detail) return <ErrorNote>{error}</ErrorNote>;
  const exhibit = detail.exhibits.at(-1);
  const identifying = detail.metadata.filter((m) => m.identifying).length;

  return (
    <article className="evidence">
      <div className="pane-head">
        <h2>{detail.name}</h2>
        <button type="button" className="link" onClick={() => go({ screen: 'incident', id: incidentId })}>{t('evidence.back')}</button>
      </div>
      <dl className="facts seal">
        <div><dt>{t('evidence.sha256')}</dt><dd><code className="hash">{detail.sha256}</code></dd></div>
        <div><dt>{t('evidence.size')}</dt><dd>{f.bytes(detail.bytes)} ({t('evidence.bytes', { n: detail.bytes })})</dd></div>
        <div><dt>{t('evidence.mediaType')}</dt><dd>{detail.mediaType}</dd></div>
        <div><dt>{t('evidence.imported')}</dt><dd>{t('evidence.importedLine', { at: intl.formatDate(detail.importedAt, { dateStyle: 'medium', timeStyle: 'short' }), by: detail.importedBy })}</dd></div>
        {detail.acquisition ? (
          <div><dt>{t('evidence.method')}</dt><dd>{[t(`acquisition.${detail.acquisition.method}`), detail.acquisition.from, detail.acquisition.platform].filter(Boolean).join(' · ')}</dd></div>
        ) : null}
      </dl>
      <div className="actions">
        <button type="button" onClick={() => go({ screen: 'custody', subject: `evidence:${id}` })}>{t('incident.custody')}</button>
        {exhibit || !detail.preview ? null : <button type="button" onClick={makeExhibit}>{t('evidence.makeExhibit')}</button>}
      </div>
      <ErrorNote>{error}</ErrorNote>
      <div className="side-by-side">
          <figure>
            <figcaption>{t('evidence.original')}</figcaption>
            <Original id={id} />
          </figure>
          <figure>
            <figcaption>{t('evidence.exhibit')}</figcaption>
            {exhibit ? (
              <>
                <Display id={id} which="exhibit" alt={t('evidence.exhibit')} />
                <p className="hint"><code className="hash">{exhibit.sha256}</code></p>
                <p className="hint">{exhibit.pixelsIdentical ? t('evidence.pixelsIdentical') : t('evidence.reencoded')}</p>
                <p className="hint">{t('evidence.removed', { list: exhibit.removed.join(', ') || t('common.unknown') })}</p>
              </>
            ) : (
              <>
                <p className="empty">{t('evidence.noExhibit')}</p>
                {detail.preview ? <p className="hint">{t('evidence.wouldRemove', { list: detail.preview.removed.join(', ') || t('common.unknown') })}</p> : null}
              </>
            )}
          </figure>
        </div>
      <section aria-labelledby="meta-h">
        <h3 id="meta-h">{t('evidence.metadata')}</h3>
        {detail.metadataStatus === 'extracted' ? <p className="hint">{t('evidence.identifyingCount', { n: identifying })}</p> : null}
        {detail.metadataStatus === 'failed' ? <p className="hint">{t('evidence.metadataFailed')}</p> : null}
        {detail.metadataStatus === 'none' ? <p className="hint">{t('evidence.metadataNone')}</p> : null}
        <MetadataFacts metadata={detail.metadata} />
        {detail.metadata.length ? <details className="raw-metadata"><summary>{t('evidence.rawTable')}</summary><table className="metadata">
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
        </table></details> : null}
      </section>
    </article>
  );
}

/** The plain reading above the raw table: what a recipient of the original would learn. */
function MetadataFacts({ metadata }: { metadata: Parameters<typeof summariseMetadata>[0] }) {
  const t = useT();
  const facts = summariseMetadata(metadata);
  if (facts.length === 0) return null;
  return (
    <div className="metadata-facts">
      <p>{t('evidence.reveals')}</p>
      <ul>
        {facts.map((f) => <li key={f.kind}>{t(`evidence.fact.${f.kind}`, 'value' in f ? { value: f.value } : {})}</li>)}
      </ul>
    </div>
  );
}

/** Opening the original decrypts it and is recorded as a `view`: only when the user asks. */
function Original({ id }: { id: number }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  if (open) return <Display id={id} which="original" alt={t('evidence.original')} />;
  return (
    <>
      <p className="hint">{t('evidence.originalSealed')}</p>
      <button type="button" onClick={() => setOpen(true)}>{t('evidence.showOriginal')}</button>
    </>
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
