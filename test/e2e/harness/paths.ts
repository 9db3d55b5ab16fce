export const RENDERER_DIR = 'dist/renderer';
export const BRIDGE_BUNDLE = 'test-results/e2e-bridge.js';
export const SCREENSHOTS = 'assets/screenshots';
