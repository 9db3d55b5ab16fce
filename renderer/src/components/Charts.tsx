// Small SVG charts drawn by hand: a stacked column per month by risk, a bar per incident type.
// Each has a text summary for screen readers; colours match the risk badges.
import { useT } from '../i18n';

const RISKS = ['low', 'medium', 'high'] as const;
type Month = { month: string; low: number; medium: number; high: number };

export function RiskByMonth({ data }: { data: Month[] }) {
  const t = useT();
  const width = 640;
  const height = 220;
  const pad = 28;
  const max = Math.max(1, ...data.map((d) => d.low + d.medium + d.high));
  const step = data.length ? (width - pad * 2) / data.length : 0;
  const bar = Math.max(4, Math.min(36, step * 0.7));
  const y = (v: number) => ((height - pad * 2) * v) / max;
  return (
    <figure className="chart">
      <figcaption>{t('dashboard.byMonth')}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('dashboard.byMonthSummary', { months: data.length, max })}>
        <line x1={pad} y1={height - pad} x2={width - pad} y2={height - pad} className="axis" />
        <text x={pad - 6} y={pad} className="tick" textAnchor="end">{max}</text>
        {data.map((d, i) => {
          let base = height - pad;
          const x = pad + i * step + (step - bar) / 2;
          return (
            <g key={d.month}>
              {RISKS.map((r) => {
                const h = y(d[r]);
                base -= h;
                return h > 0 ? <rect key={r} x={x} y={base} width={bar} height={h} className={`fill-${r}`} /> : null;
              })}
              {data.length <= 12 || i % 3 === 0 ? <text x={x + bar / 2} y={height - pad + 14} className="tick" textAnchor="middle">{d.month.slice(2)}</text> : null}
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
            <text x={label + ((width - label - 40) * d.count) / max + 6} y={row / 2 + 4} className="tick">{d.count}</text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
