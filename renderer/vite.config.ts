import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { CSP_META } from '../shared/ipc/csp';

// The same policy as the app:// header, in the page itself (defence in depth).
const cspMeta: Plugin = {
  name: 'custodia-csp-meta',
  transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP_META }, injectTo: 'head-prepend' }],
};

// Served from app://custodia/ under a strict CSP: no inline scripts, no eval, one origin.
// (No node:path here: the renderer folder's lint forbids Node built-ins, and Vite resolves these.)
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react(), cspMeta],
  build: {
    outDir: `${import.meta.dirname}/../dist/renderer`,
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
