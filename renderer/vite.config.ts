import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Served from app://custodia/ under a strict CSP: no inline scripts, no eval, one origin.
// (No node:path here: the renderer folder's lint forbids Node built-ins, and Vite resolves these.)
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  build: {
    outDir: `${import.meta.dirname}/../dist/renderer`,
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
