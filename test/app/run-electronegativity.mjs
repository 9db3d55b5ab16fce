// Advisory security scan of the Electron shell with @doyensec/electronegativity (its CLI breaks
// on the hoisted commander 14, so the runner is called directly). Prints findings; never fails CI.
// Usage: node test/app/run-electronegativity.mjs [input=dist/app]
import { createRequire } from 'node:module';

const run = createRequire(import.meta.url)('@doyensec/electronegativity');
const input = process.argv[2] ?? 'dist/app';
const result = await run({
  input,
  output: undefined,
  isSarif: false,
  customScan: undefined,
  severitySet: undefined,
  confidenceSet: undefined,
  isRelative: true,
  isVerbose: false,
  electronUpgrade: undefined,
  electronVersionOverride: '41.0.0',
  parserPlugins: [],
});
const findings = (result?.errors ?? []).concat(result?.globalChecks ?? []);
console.log(JSON.stringify(result, null, 1).slice(0, 20000));
console.log(`electronegativity: ${findings.length} findings in ${input}`);
