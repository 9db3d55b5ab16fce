// The layers of main/: a folder may import only folders of a lower layer (types included), never
// a sibling of its own layer nor anything above. The order is drawn in README ("Where things live").
import { dirname, relative, resolve, sep } from 'node:path';

export const LAYERS = [
  ['platform'],
  ['media', 'vault'],
  ['custody'],
  ['accounts'],
  ['records'],
  ['evidence'],
  ['audit', 'dossier'],
  ['backup'],
  ['app'],
  ['cli', 'ipc'],
  ['preload'],
];

const rank = new Map(LAYERS.flatMap((folders, i) => folders.map((f) => [f, i])));

/** The top folder under main/ a path lies in, "(root)" for main/index.ts, undefined outside main/. */
function folderOf(mainDir, path) {
  const rel = relative(mainDir, path);
  if (rel.startsWith('..') || rel === '') return undefined;
  const parts = rel.split(sep);
  return parts.length === 1 ? '(root)' : parts[0];
}

export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'main/ folders import only lower layers' },
    schema: [],
    messages: {
      upward: 'main/{{from}} (layer {{fromRank}}) may not import main/{{to}} (layer {{toRank}}): layers import only downwards (test/lint/layers-rule.js).',
      unknown: 'main/{{folder}} is in no layer: add it to LAYERS in test/lint/layers-rule.js and to README\'s "Where things live".',
    },
  },
  create(context) {
    const file = context.filename;
    const mainDir = resolve(context.cwd, 'main');
    const from = folderOf(mainDir, file);
    if (from === undefined || from === '(root)') return {};
    if (!rank.has(from)) {
      return { Program: (node) => context.report({ node, messageId: 'unknown', data: { folder: from } }) };
    }
    function check(node, spec) {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const to = folderOf(mainDir, resolve(dirname(file), spec));
      if (to === undefined || to === from) return;
      const [a, b] = [rank.get(from), rank.get(to)];
      if (to === '(root)' || b === undefined || b >= a) {
        context.report({ node, messageId: 'upward', data: { from, to, fromRank: String(a), toRank: String(b ?? 'top') } });
      }
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
