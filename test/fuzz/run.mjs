// `npm run fuzz`: every fuzz test with CUSTODIA_FUZZ_SCALE times the cases of `npm test`
// (default 20: thousands per family). CUSTODIA_FUZZ_SEED replays another sequence.
import { spawnSync } from 'node:child_process';

const env = { ...process.env, CUSTODIA_FUZZ_SCALE: process.env.CUSTODIA_FUZZ_SCALE ?? '20' };
const files = ['test/fuzz/', 'test/media/fuzz.test.ts'];
const r = spawnSync('npx', ['vitest', 'run', '--config', 'test/vitest.config.ts', ...files, ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(r.status ?? 1);
