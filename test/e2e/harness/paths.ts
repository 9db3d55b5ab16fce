export const RENDERER_DIR = 'dist/renderer';
export const BRIDGE_BUNDLE = 'test-results/e2e-bridge.js';
export const SCREENSHOTS = 'assets/screenshots';

/** The seeded vault for list and search timings; cached between runs (test-results/ is not committed). */
export const PERF_INCIDENTS = Number(process.env.CUSTODIA_PERF_INCIDENTS ?? 100_000);
export const PERF_VAULT = `test-results/perf-vault-${PERF_INCIDENTS}.custodia`;
export const PERF_USER = 'ana';
export const PERF_PASSPHRASE = 'rendimiento de cien mil';
