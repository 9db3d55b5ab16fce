// `custodia` command line: auditors, scripting and tests use the same core as the app.
import { buildProgram } from './program';
import { reportFailure } from './report-failure';

buildProgram()
  .parseAsync(process.argv)
  .catch((e: unknown) => {
    process.exitCode = reportFailure(e);
  });
