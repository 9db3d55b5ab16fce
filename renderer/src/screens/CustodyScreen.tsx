// Who did what, when: the custody log for one item, one case (the case, its incidents and their
// evidence), one person, or the whole vault, a page at a time (main pages it in SQL); from the
// whole vault, a signed checkpoint saved outside it.
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import type { Response } from '../../../shared/ipc/contract';
import { api, errorText, unwrap } from '../api';
import { ErrorNote } from '../components/Field';
import { useT } from '../i18n';
import { useNav } from '../stores/nav-store';

type Timeline = Response<'custody.timeline'>;
const PAGE = 200;

export function CustodyScreen({ subject, actor }: { subject?: string; actor?: string }) {
  const t = useT();
  const intl = useIntl();
  const [offset, setOffset] = useState(0);
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  const [error, setError] = useState('');
  const [caseId, setCaseId] = useState<number | null>(null);
  const [saved, setSaved] = useState('');
  const go = useNav((s) => s.go);

  useEffect(() => setOffset(0), [subject, actor]);
  useEffect(() => {
    unwrap(api().custody.timeline({ subject, actor, offset, limit: PAGE })).then(setTimeline, (e: unknown) => setError(errorText(e)));
  }, [subject, actor, offset]);

  // From an incident's timeline, one step out to its whole case.
  useEffect(() => {
    setCaseId(null);
    const incident = /^incident:(\d+)$/.exec(subject ?? '')?.[1];
    if (incident) unwrap(api().incidents.get({ id: Number(incident) })).then((r) => setCaseId(r.caseId), () => undefined);
  }, [subject]);

  // A checkpoint kept outside the vault is what later catches a rolled-back or rewritten log.
  const saveCheckpoint = () => {
    setError('');
    unwrap(api().custody.saveCheckpoint()).then(
      (r) => setSaved(r ? t('custody.checkpointSaved', { n: r.treeSize, location: r.location }) : ''),
      (e: unknown) => setError(errorText(e)),
    );
  };

  // The auditor's copy: the log with no content, which they check with no vault (AuditLogScreen).
  const exportPackage = () => {
    setError('');
    unwrap(api().custody.exportPackage()).then(
      (r) => setSaved(r ? t('custody.packageSaved', { n: r.entries, location: r.location }) : ''),
      (e: unknown) => setError(errorText(e)),
    );
  };

  const total = timeline?.total ?? 0;
  return (
    <section className="custody" aria-labelledby="custody-h">
      <h2 id="custody-h">{subject ? t('custody.titleFor', { subject }) : actor ? t('custody.titleBy', { actor }) : t('custody.title')}</h2>
      <ErrorNote>{error}</ErrorNote>
      {!subject && !actor ? (
        <div className="save-checkpoint">
          <button type="button" onClick={saveCheckpoint}>{t('custody.saveCheckpoint')}</button>
          <p className="hint">{t('custody.saveCheckpointHint')}</p>
          <button type="button" onClick={exportPackage}>{t('custody.exportPackage')}</button>
          <p className="hint">{t('custody.exportPackageHint')}</p>
          {saved ? <p role="status">{saved}</p> : null}
        </div>
      ) : null}
      {caseId ? <button type="button" onClick={() => go({ screen: 'custody', subject: `case:${caseId}` })}>{t('custody.wholeCase')}</button> : null}
      {timeline ? <p className="hint">{t('custody.total', { n: total })}</p> : null}
      {total > PAGE ? (
        <nav className="pager" aria-label={t('custody.pages')}>
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>{t('custody.earlier')}</button>
          <span>{t('custody.range', { from: offset + 1, to: Math.min(offset + PAGE, total), total })}</span>
          <button type="button" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>{t('custody.later')}</button>
        </nav>
      ) : null}
      <ol className="timeline">
        {timeline?.entries.map((e) => (
          <li key={e.seq} className={`action-${e.action}`}>
            <span className="seq">{`#${e.seq}`}</span>
            <time dateTime={e.at}>{intl.formatDate(e.at, { dateStyle: 'medium', timeStyle: 'medium' })}</time>
            <span className="action">{t(`action.${e.action}`)}</span>
            <span className="subject">{e.subject}</span>
            <span className="actor">{e.actor}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
