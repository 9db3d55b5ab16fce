// The programme's figures as CSV for a funder's report: one table per figure, RFC 4180 quoting,
// and no cell a spreadsheet would run as a formula (a region typed as "=HYPERLINK(…)" is text).
// Counts and place names only, as programmeStats gives them: no person appears in any figure.
import type { CsvFigure } from '../../shared/vocabulary/stats-figures';
import type { ProgrammeStats } from './programme-stats';

type Cell = string | number | null;

/** Quotes a cell when needed; a leading = + - @ or control character is defused with a quote mark, as OWASP advises. */
export function csvCell(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function table(header: readonly string[], rows: readonly Cell[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function programmeCsv(s: ProgrammeStats, figure: CsvFigure): string {
  switch (figure) {
    case 'summary':
      return table(['figure', 'value'], [
        ['from', s.period.from ?? null], ['to', s.period.to ?? null],
        ['incidents', s.total], ['with_evidence', s.withEvidence], ['reported', s.reported], ['not_reported', s.notReported],
        ['median_days_to_complaint', s.medianDaysToComplaint], ['dated_complaints', s.datedComplaints],
        ['measures_requested', s.measuresRequested], ['measures_granted', s.measuresGranted], ['open_cases', s.openCases],
      ]);
    case 'month':
      return table(['month', 'low', 'medium', 'high', 'total'], s.byMonth.map((m) => [m.month, m.low, m.medium, m.high, m.low + m.medium + m.high]));
    case 'type':
      return table(['type', 'incidents'], s.byType.map((t) => [t.type, t.count]));
    case 'region':
      return table(['country', 'region', 'incidents'], s.byRegion.map((r) => [r.country, r.region, r.count]));
    case 'authority':
      return table(['authority', 'incidents'], s.byAuthority.map((a) => [a.authority, a.count]));
  }
}
