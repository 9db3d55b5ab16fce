// Layering is enforced here so a wrong import fails `npm test`, not a review.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { layersRule } from './lint/layers-rule.js';

const electronShell = ['main/app/**', 'main/preload/**', 'main/ipc/**', 'main/index.ts'];

const noNodeBuiltins = {
  group: ['node:*', 'fs', 'path', 'crypto', 'os', 'child_process', 'stream'],
  message: 'shared/ and renderer/ run in the browser too: no Node built-ins.',
};
const noElectron = { group: ['electron', 'electron/*'], message: 'Only main/app, main/preload and main/ipc may import electron.' };
const noMain = { group: ['**/main/**', '../main', '../../main'], message: 'This layer may not import main/.' };
const sqlcipherRoom = ['main/vault/database.ts', 'main/vault/drivers/**'];
const sharpRoom = ['main/media/**'];
const ipcMainRoom = ['main/ipc/register-ipc.ts'];

/**
 * One no-restricted-imports setting per group of main/ files (ESLint keeps only the last one a
 * file matches): electron only in the shell, and each driver only in its room, so a change of
 * driver touches one folder.
 */
function mainImportRules() {
  const sqlcipher = (name) => ({ name, message: 'Only the database module (main/vault/database.ts, main/vault/drivers/) talks to a SQLCipher driver.' });
  const sharp = { name: 'sharp', message: 'Only main/media/ decodes images (through its limits).' };
  const ipcMain = { name: 'electron', importNames: ['ipcMain'], message: 'Only main/ipc/register-ipc.ts registers IPC handlers.' };
  const drivers = (room) => [
    ...(room === 'sqlcipher' ? [] : [sqlcipher('@journeyapps/sqlcipher'), sqlcipher('@signalapp/sqlcipher')]),
    ...(room === 'sharp' ? [] : [sharp]),
  ];
  const rule = (paths, patterns) => ({ 'no-restricted-imports': ['error', { paths, patterns }] });
  const core = [noElectron, noRenderer];
  return [
    { files: ['main/**/*.ts'], ignores: [...electronShell, ...sqlcipherRoom, ...sharpRoom], rules: rule(drivers(), core) },
    { files: sqlcipherRoom, rules: rule(drivers('sqlcipher'), core) },
    { files: sharpRoom, rules: rule(drivers('sharp'), core) },
    { files: electronShell, ignores: ipcMainRoom, rules: rule([...drivers(), ipcMain], [noRenderer]) },
    { files: ipcMainRoom, rules: rule(drivers(), [noRenderer]) },
  ];
}

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
  ...mainImportRules(),
  {
    files: ['main/**/*.ts'],
    plugins: { custodia: { rules: { layers: layersRule } } },
    rules: { 'custodia/layers': 'error' },
  },
);
