export const RENDERER_DIR = 'dist/renderer';
export const BRIDGE_BUNDLE = 'test-results/e2e-bridge.js';
export const SCREENSHOTS = 'assets/screenshots';

/**
 * The seeded vault for list and search timings, cached between runs (test-results/ is not
 * committed). Seeding goes through the core one incident at a time (about 7 ms each), so the
 * default run uses 5,000; the 100,000 figure: CUSTODIA_PERF_INCIDENTS=100000 npm run test:e2e.
 */
export const PERF_INCIDENTS = Number(process.env.CUSTODIA_PERF_INCIDENTS ?? 5_000);
export const PERF_VAULT = `test-results/perf-vault-${PERF_INCIDENTS}.custodia`;
export const PERF_USER = 'ana';
export const PERF_PASSPHRASE = 'rendimiento de cien mil';
