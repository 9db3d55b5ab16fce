// With --json a command prints exactly one JSON object on stdout; otherwise readable lines.
export interface OutputOptions {
  json?: boolean;
}

export function printResult(opts: OutputOptions, result: object, human: () => string): void {
  if (opts.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else process.stdout.write(`${human()}\n`);
}
