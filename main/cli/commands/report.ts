// `custodia report stats`: the programme's numbers for a funder's report, as text, JSON or CSV.
import { Option, type Command } from 'commander';
import { CustodiaError } from '../../../shared/errors/error-codes';
import { writeFileAtomic } from '../../platform/atomic-write';
import { CSV_FIGURES, type CsvFigure } from '../../../shared/vocabulary/stats-figures';
import { programmeCsv } from '../../records/programme-csv';
import { programmeStats, type ProgrammeStats } from '../../records/programme-stats';
import { wholeDays } from '../../records/time-bounds';
import { printResult } from '../output';
import { sessionCommand, withSession, type SessionOptions } from '../session-options';

type StatsOptions = SessionOptions & { from?: string; to?: string; csv?: CsvFigure; out?: string };

function describe(s: ProgrammeStats): string {
  const share = (n: number) => (s.total === 0 ? '0 %' : `${Math.round((n / s.total) * 100)} %`);
  return [
    `incidents: ${s.total}${s.period.from || s.period.to ? ` (${s.period.from ?? '…'} to ${s.period.to ?? '…'})` : ''}; open cases: ${s.openCases}`,
    `documented with evidence: ${s.withEvidence} (${share(s.withEvidence)})`,
    `reported: ${s.reported} (${share(s.reported)}); to ${s.byAuthority.map((a) => `${a.authority} ${a.count}`).join(', ') || 'no authority'}`,
    `median days from incident to complaint: ${s.medianDaysToComplaint ?? 'none dated'} (over ${s.datedComplaints})`,
    `measures requested: ${s.measuresRequested}; granted: ${s.measuresGranted}`,
    ...s.byRegion.map((r) => `region\t${r.country ?? '-'}\t${r.region ?? '-'}\t${r.count}`),
    ...s.byMonth.map((m) => `month\t${m.month}\tlow ${m.low}\tmedium ${m.medium}\thigh ${m.high}`),
    ...s.byType.map((t) => `type\t${t.type}\t${t.count}`),
  ].join('\n');
}

export function registerReportCommands(program: Command): void {
  const report = program.command('report').description("the programme's numbers (counts and places only, no person)");
  sessionCommand(report.command('stats').description('incidents by month, risk, type and region; evidence, complaints, days to complaint, measures, open cases'))
    .option('--from <date>', 'only incidents that occurred on or after this day (YYYY-MM-DD, UTC)')
    .option('--to <date>', 'only incidents that occurred on or before this day (YYYY-MM-DD, UTC)')
    .addOption(new Option('--csv <figure>', 'write one figure as CSV (needs --out)').choices(CSV_FIGURES))
    .option('--out <file.csv>', 'where the CSV goes (never overwritten)')
    .action(async (opts: StatsOptions) => {
      const period = wholeDays(opts);
      if (opts.csv && !opts.out) throw new CustodiaError('E_USAGE', '--csv needs --out FILE');
      const stats = await withSession(opts, (s) => programmeStats(s, period));
      if (opts.csv && opts.out) {
        await writeFileAtomic(opts.out, programmeCsv(stats, opts.csv), { replace: false });
        printResult(opts, { figure: opts.csv, out: opts.out }, () => `${opts.csv} written to ${opts.out}`);
        return;
      }
      printResult(opts, stats, () => describe(stats));
    });
}
