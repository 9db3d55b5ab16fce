// `npm test`: lint, typecheck, unit/integration (vitest) and browser (Playwright) suites,
// ending with one plain `N passed, N failed, N skipped` line that CI can read.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = (name) => join('node_modules', '.bin', name);
const out = mkdtempSync(join(tmpdir(), 'custodia-test-'));
let passed = 0;
let failed = 0;
let skipped = 0;

function run(label, cmd, args, env = {}) {
  process.stdout.write(`\n== ${label}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function step(label, cmd, args) {
  if (run(label, cmd, args)) passed += 1;
  else {
    failed += 1;
    console.error(`${label}: FAILED`);
  }
}

step('import graph', 'node', ['test/lint/import-graph.mjs']);
step('lint', bin('eslint'), ['--config', 'test/eslint.config.js', '--max-warnings', '0', '.']);
step('typecheck', 'node', ['test/typecheck.mjs']);
step('build', 'npm', ['run', '--silent', 'build']);

const vitestJson = join(out, 'vitest.json');
const vitestOk = run('vitest', bin('vitest'), [
  'run', '--config', 'test/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`,
]);
if (existsSync(vitestJson)) {
  const r = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  // A suite that fails to load has no failed test but is still a failure.
  if (!vitestOk && r.numFailedTests === 0) failed += 1;
} else failed += 1;

if (existsSync('test/playwright.config.ts')) {
  const pwJson = join(out, 'playwright.json');
  const pwOk = run('playwright', bin('playwright'), ['test', '--config', 'test/playwright.config.ts', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
  });
  if (existsSync(pwJson)) {
    const s = JSON.parse(readFileSync(pwJson, 'utf8')).stats;
    passed += s.expected + s.flaky;
    failed += s.unexpected;
    skipped += s.skipped;
    if (!pwOk && s.unexpected === 0) failed += 1;
  } else failed += 1;
}

rmSync(out, { recursive: true, force: true });
// CI reads the last line, which must be exactly `N passed, N failed`.
console.log(`\n${skipped} skipped`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
