// Who did what, when: the custody log for one subject, one person, or the whole vault.
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import type { Response } from '../../../shared/ipc/contract';
import { api, errorText, unwrap } from '../api';
import { ErrorNote } from '../components/Field';
import { useT } from '../i18n';

type Timeline = Response<'custody.timeline'>;

export function CustodyScreen({ subject, actor }: { subject?: string; actor?: string }) {
  const t = useT();
  const intl = useIntl();
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    unwrap(api().custody.timeline({ subject, actor, offset: 0, limit: 500 })).then(setTimeline, (e: unknown) => setError(errorText(e)));
  }, [subject, actor]);

  return (
    <section className="custody" aria-labelledby="custody-h">
      <h2 id="custody-h">{subject ? t('custody.titleFor', { subject }) : actor ? t('custody.titleBy', { actor }) : t('custody.title')}</h2>
      <ErrorNote>{error}</ErrorNote>
      {timeline ? <p className="hint">{t('custody.total', { n: timeline.total })}</p> : null}
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
