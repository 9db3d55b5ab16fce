// Prints the folder graph of main/ (value imports only) and fails on any cycle between folders
// or between files. Type-only imports are left out: they vanish at build time.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const root = resolve(process.argv[2] ?? 'main');

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [p] : [];
  });
}

function resolveImport(from, spec) {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this candidate
    }
  }
  return undefined;
}

/** Relative specifiers of value imports and re-exports (`import type`, `export type` and all-type named lists excluded). */
function valueImports(file) {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const specs = [];
  for (const node of sf.statements) {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      if (clause?.isTypeOnly) continue;
      const named = clause?.namedBindings;
      const onlyTypes = clause && !clause.name && named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      if (!onlyTypes) specs.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) {
      const named = node.exportClause;
      const onlyTypes = named && ts.isNamedExports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      if (!onlyTypes) specs.push(node.moduleSpecifier.text);
    }
  }
  return specs;
}

/** main/<folder>/… -> folder; main/index.ts -> "(root)". */
function folderOf(file) {
  const rel = relative(root, file).split(sep);
  return rel.length === 1 ? '(root)' : rel[0];
}

const files = sourceFiles(root);
const fileEdges = new Map(files.map((f) => [f, new Set()]));
const folderEdges = new Map();
for (const f of files) {
  for (const spec of valueImports(f)) {
    const target = resolveImport(f, spec);
    if (!target || !fileEdges.has(target)) continue;
    fileEdges.get(f).add(target);
    const [a, b] = [folderOf(f), folderOf(target)];
    if (a === b) continue;
    if (!folderEdges.has(a)) folderEdges.set(a, new Map());
    folderEdges.get(a).set(b, (folderEdges.get(a).get(b) ?? 0) + 1);
  }
}

/** Tarjan's strongly connected components; any component of two or more nodes is a cycle. */
function cycles(nodes, next) {
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const on = new Set();
  const out = [];
  function visit(v) {
    idx.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    on.add(v);
    for (const w of next(v)) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const comp = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1) out.push(comp);
    }
  }
  for (const v of nodes) if (!idx.has(v)) visit(v);
  return out;
}

const folders = [...new Set(files.map(folderOf))].sort();
console.log(`folder graph of ${relative(process.cwd(), root) || '.'} (value imports; count of import lines):`);
for (const a of folders) {
  const targets = [...(folderEdges.get(a) ?? new Map())].sort(([x], [y]) => x.localeCompare(y));
  console.log(`  ${a.padEnd(10)} -> ${targets.map(([b, n]) => `${b} (${n})`).join(', ') || '—'}`);
}

const folderCycles = cycles(folders, (a) => [...(folderEdges.get(a)?.keys() ?? [])]);
const fileCycles = cycles(files, (f) => [...fileEdges.get(f)]);
for (const c of folderCycles) console.error(`folder cycle: ${c.reverse().join(' -> ')}`);
for (const c of fileCycles) console.error(`file cycle: ${c.reverse().map((f) => relative(process.cwd(), f)).join(' -> ')}`);
if (folderCycles.length + fileCycles.length > 0) {
  console.error(`${folderCycles.length} folder cycle(s), ${fileCycles.length} file cycle(s)`);
  process.exit(1);
}
console.log('no import cycle between folders or files');
