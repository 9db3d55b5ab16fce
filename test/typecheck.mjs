// Typechecks each part under its own tsconfig.json: what a part may see (DOM, Node) is part of
// its layering, so each is checked separately.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const parts = ['shared', 'main', 'renderer', 'test'];
let failed = 0;
for (const part of parts) {
  const r = spawnSync(join('node_modules', '.bin', 'tsc'), ['--noEmit', '-p', join(part, 'tsconfig.json')], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed += 1;
    console.error(`typecheck ${part}: FAILED`);
  }
}
process.exit(failed === 0 ? 0 : 1);
