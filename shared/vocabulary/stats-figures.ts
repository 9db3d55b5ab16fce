// The programme's figures that can be exported as CSV (custodia report stats --csv, the dashboard).
export const CSV_FIGURES = ['summary', 'month', 'type', 'region', 'authority'] as const;
export type CsvFigure = (typeof CSV_FIGURES)[number];
