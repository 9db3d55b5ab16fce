// A virtual list: only the rows on screen exist in the DOM, and pages are fetched as they
// come into view, so 100,000 incidents scroll like 100.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useIntl } from 'react-intl';
import { useT } from '../i18n';
import { PAGE_SIZE, useIncidents } from '../stores/incidents-store';

const ROW_HEIGHT = 56;

export function IncidentList({ onOpen }: { onOpen: (id: number) => void }) {
  const t = useT();
  const intl = useIntl();
  const { total, pages, ensurePage } = useIncidents();
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useVirtualizer({ count: total ?? 0, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const items = rows.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) void ensurePage(p);
  }, [first, last, ensurePage]);

  if (total === 0) return <p className="empty">{t('incidents.none')}</p>;
  return (
    <div ref={scroller} className="virtual-list" role="list" aria-label={t('incidents.title')} tabIndex={-1}>
      <div style={{ height: rows.getTotalSize(), position: 'relative' }}>
        {items.map((row) => {
          const incident = pages[Math.floor(row.index / PAGE_SIZE)]?.[row.index % PAGE_SIZE];
          return (
            <div key={row.key} role="listitem" className="row" style={{ height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}>
              {incident ? (
                <button type="button" className="row-button" onClick={() => onOpen(incident.id)}>
                  <span className={`risk-dot risk-${incident.riskLevel}`} aria-hidden="true" />
                  <span className="row-date">{intl.formatDate(incident.occurredAt, { dateStyle: 'medium', timeStyle: 'short' })}</span>
                  <span className="row-place">{incident.place}</span>
                  <span className="row-type">{t(`type.${incident.type}`)}</span>
                  <span className={`badge risk-${incident.riskLevel}`}>{t(`risk.${incident.riskLevel}`)}</span>
                  {incident.reported !== false ? null : <span className="badge unreported">{t('incidents.notReported')}</span>}
                </button>
              ) : (
                <span className="row-loading">{t('common.loading')}</span>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
