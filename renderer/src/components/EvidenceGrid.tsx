// An incident's evidence as tiles. A tile's picture is a small JPEG main makes from the stored
// exhibit (no metadata); an item without an exhibit shows a placeholder, never its original.
import { useEffect, useState } from 'react';
import { mediaKind } from '../../../shared/media/media-kind';
import { useT } from '../i18n';
import { useEvidence } from '../stores/evidence-store';
import { useNav } from '../stores/nav-store';

export function EvidenceGrid({ incidentId }: { incidentId: number }) {
  const t = useT();
  // Exhibits are shown with their original (on its page), not as tiles of their own.
  const all = useEvidence((s) => s.byIncident[incidentId]);
  const items = all?.filter((e) => e.derivedFrom === null);
  const shareable = new Set(all?.map((e) => e.derivedFrom).filter((d) => d !== null));
  const go = useNav((s) => s.go);
  useEffect(() => {
    void useEvidence.getState().loadForIncident(incidentId).catch(() => undefined);
  }, [incidentId]);

  if (!items?.length) return <p className="empty">{t('evidence.none')}</p>;
  return (
    <ul className="evidence-grid">
      {items.map((e) => (
        <li key={e.id}>
          <button type="button" className="evidence-tile" onClick={() => go({ screen: 'evidence', id: e.id, incidentId })}>
            <Thumb id={e.id} alt={e.name} kind={t(`evidence.kind.${mediaKind(e.mediaType)}`)} />
            <span className="tile-name">{e.name}</span>
            <span className="hint">{t(`evidence.kind.${mediaKind(e.mediaType)}`)} · {shareable.has(e.id) ? t('evidence.tileShareable') : t('evidence.tileNotShareable')}</span>
            <code className="hash">{e.sha256.slice(0, 16)}</code>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Without an exhibit there is no picture to show: the placeholder names the kind of file instead. */
function Thumb({ id, alt, kind }: { id: number; alt: string; kind: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    useEvidence.getState().display(id, 'thumbnail').then(setUrl, () => setUrl(null));
  }, [id]);
  return url ? <img src={url} alt={alt} className="thumb" /> : <span className="thumb placeholder" aria-hidden="true">{kind}</span>;
}
