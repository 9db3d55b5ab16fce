// Layering is enforced here so a wrong import fails `npm test`, not a review (see STYLE.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const electronShell = ['main/app/**', 'main/preload/**', 'main/ipc/**', 'main/index.ts'];

const noNodeBuiltins = {
  group: ['node:*', 'fs', 'path', 'crypto', 'os', 'child_process', 'stream'],
  message: 'shared/ and renderer/ run in the browser too: no Node built-ins.',
};
const noElectron = { group: ['electron', 'electron/*'], message: 'Only main/app, main/preload and main/ipc may import electron.' };
const noMain = { group: ['**/main/**', '../main', '../../main'], message: 'This layer may not import main/.' };
const noRenderer = { group: ['**/renderer/**', '../renderer', '../../renderer'], message: 'This layer may not import renderer/.' };

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-warning-comments': ['error', { terms: ['todo', 'fixme', 'xxx'], location: 'start' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noNodeBuiltins, noElectron, noMain, noRenderer] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { patterns: [noNodeBuiltins, noElectron, noMain] }] },
  },
  {
    files: ['main/**/*.ts'],
    ignores: electronShell,
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noRenderer] }] },
  },
  {
    files: electronShell,
    rules: { 'no-restricted-imports': ['error', { patterns: [noRenderer] }] },
  },
);
