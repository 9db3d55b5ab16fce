// Small SVG charts drawn by hand: a stacked column per month by risk, a bar per incident type.
// Each has a text summary for screen readers; colours match the risk badges.
import { useIntl } from 'react-intl';
import { useT } from '../i18n';

const RISKS = ['low', 'medium', 'high'] as const;
type Month = { month: string; low: number; medium: number; high: number };

/** Round steps for the y-axis (1, 2, 5 × 10ⁿ), about four of them up to the tallest column. */
export function ticksUpTo(max: number): number[] {
  const rough = Math.max(1, max) / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const whole = Math.max(1, Math.ceil(step));
  const top = Math.ceil(Math.max(1, max) / whole) * whole;
  return Array.from({ length: top / whole + 1 }, (_, i) => i * whole);
}

export function RiskByMonth({ data }: { data: Month[] }) {
  const t = useT();
  const intl = useIntl();
  const width = 640;
  const height = 240;
  const pad = { left: 40, right: 12, top: 18, bottom: 40 };
  const totals = data.map((d) => d.low + d.medium + d.high);
  const ticks = ticksUpTo(Math.max(0, ...totals));
  const top = ticks[ticks.length - 1]!;
  const plot = height - pad.top - pad.bottom;
  const step = data.length ? (width - pad.left - pad.right) / data.length : 0;
  const bar = Math.max(4, Math.min(36, step * 0.7));
  const y = (v: number) => (plot * v) / top;
  const base0 = height - pad.bottom;
  // "2026-10" is a calendar month: named in the user's language, in no time zone.
  const monthName = (m: string, opts: Intl.DateTimeFormatOptions) => intl.formatDate(`${m}-15T12:00:00Z`, { ...opts, timeZone: 'UTC' });
  const every = data.length <= 12 ? 1 : 3;
  return (
    <figure className="chart">
      <figcaption>{t('dashboard.byMonth')}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('dashboard.byMonthSummary', { months: data.length, max: Math.max(0, ...totals) })}>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={pad.left} y1={base0 - y(v)} x2={width - pad.right} y2={base0 - y(v)} className={v === 0 ? 'axis' : 'grid'} />
            <text x={pad.left - 6} y={base0 - y(v) + 4} className="tick" textAnchor="end">{intl.formatNumber(v)}</text>
          </g>
        ))}
        {data.map((d, i) => {
          let base = base0;
          const x = pad.left + i * step + (step - bar) / 2;
          const showYear = i === 0 || d.month.endsWith('-01');
          return (
            <g key={d.month}>
              {RISKS.map((r) => {
                const h = y(d[r]);
                base -= h;
                return h > 0 ? <rect key={r} x={x} y={base} width={bar} height={h} className={`fill-${r}`} /> : null;
              })}
              {totals[i]! > 0 ? <text x={x + bar / 2} y={base - 4} className="value" textAnchor="middle">{intl.formatNumber(totals[i]!)}</text> : null}
              {i % every === 0 ? <text x={x + bar / 2} y={base0 + 14} className="tick" textAnchor="middle">{monthName(d.month, { month: 'short' })}</text> : null}
              {showYear ? <text x={x + bar / 2} y={base0 + 28} className="tick" textAnchor="middle">{monthName(d.month, { year: 'numeric' })}</text> : null}
            </g>
          );
        })}
      </svg>
      <ul className="legend">
        {RISKS.map((r) => <li key={r}><span className={`swatch fill-${r}`} aria-hidden="true" />{t(`risk.${r}`)}</li>)}
      </ul>
    </figure>
  );
}

export function ByType({ data }: { data: { type: string; count: number }[] }) {
  const t = useT();
  const intl = useIntl();
  const max = Math.max(1, ...data.map((d) => d.count));
  const row = 24;
  const width = 640;
  const label = 200;
  return (
    <figure className="chart">
      <figcaption>{t('dashboard.byType')}</figcaption>
      <svg viewBox={`0 0 ${width} ${Math.max(row, data.length * row)}`} role="img" aria-label={t('dashboard.byTypeSummary', { types: data.length })}>
        {data.map((d, i) => (
          <g key={d.type} transform={`translate(0 ${i * row})`}>
            <text x={label - 8} y={row / 2 + 4} textAnchor="end" className="tick">{t(`type.${d.type}`)}</text>
            <rect x={label} y={4} height={row - 8} width={((width - label - 40) * d.count) / max} className="fill-type" />
            <text x={label + ((width - label - 40) * d.count) / max + 6} y={row / 2 + 4} className="value">{intl.formatNumber(d.count)}</text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
