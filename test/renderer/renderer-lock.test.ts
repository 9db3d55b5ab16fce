// T2 seized while unlocked: a lock leaves no vault data in the renderer. Every zustand store in
// renderer/src is found by reading the source, and each is either forgotten on lock (filled
// below with vault data in every field, then found back at its initial state) or named in KEPT
// with the reason it outlives a lock. A new store, a new field in a store or new module-level
// state fails here until it is placed. Component state needs no entry: App renders the Shell
// only while unlocked, so a lock unmounts every screen together with its local state.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dropEverything } from '../../renderer/src/stores/reset';

interface Store {
  getState(): Record<string, unknown>;
  getInitialState(): Record<string, unknown>;
  setState(partial: Record<string, unknown>): void;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

const isStore = (x: unknown): x is Store => typeof x === 'function' && 'getState' in x && 'getInitialState' in x && 'setState' in x;
const dataOf = (state: Record<string, unknown>) => Object.fromEntries(Object.entries(state).filter(([, v]) => typeof v !== 'function'));

/** How many times a file calls zustand's `create`, under whatever local name it imported it. */
function zustandCreateCalls(file: string, source: string): number {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const names = new Set<string>();
  for (const stmt of sf.statements) {
    if (!ts.isImportDeclaration(stmt) || (stmt.moduleSpecifier as ts.StringLiteral).text !== 'zustand') continue;
    const bindings = stmt.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const el of bindings.elements) if ((el.propertyName ?? el.name).text === 'create') names.add(el.name.text);
    }
  }
  let calls = 0;
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && names.has(node.expression.text)) calls += 1;
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return calls;
}

/** Every store the renderer creates, by export name; importing them also registers their resets. */
async function findStores(): Promise<{ stores: Map<string, Store>; created: number }> {
  const stores = new Map<string, Store>();
  let created = 0;
  for (const file of sourceFiles('renderer/src')) {
    const source = readFileSync(file, 'utf8');
    if (!/from 'zustand'/.test(source)) continue;
    created += zustandCreateCalls(file, source);
    const mod = (await import(`../../${file}`)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) if (isStore(value)) stores.set(name, value);
  }
  return { stores, created };
}

const { stores, created } = await findStores();
const store = (name: string): Store => stores.get(name)!;

/** Stores that outlive a lock, and why that is safe. */
const KEPT: Record<string, string> = {
  useSession: 'the lock state itself (set to locked by the lock) and the known vaults: label and path, shown on the unlock screen',
  useSettings: 'language and idle minutes: app settings kept outside any vault, needed on the unlock screen',
  useTimeZone: 'the organisation\'s time zone: a display setting kept outside any vault, like the language; it names no vault data',
};

/** Vault data in every field of each store that must forget it. */
const FILLED: Record<string, Record<string, unknown>> = {
  useCases: { cases: [{ id: 1, title: 'Amenazas en Tres Islas', status: 'open', incidentCount: 1, createdAt: '2026-10-02' }] },
  useIncidents: { filter: { query: 'desaparecer' }, total: 1, pages: { 0: [{ id: 4, place: 'Tres Islas' }] }, generation: 7 },
  useEvidence: {
    byIncident: { 1: [{ id: 9, name: 'amenaza.jpg' }] },
    detail: { id: 9, name: 'amenaza.jpg', sha256: 'ab'.repeat(32) },
    urls: { 'original:1': 'blob:app://custodia/a', 'exhibit:1': 'blob:app://custodia/b' },
  },
  useProgress: { items: { 'import:foto.jpg': { kind: 'progress', task: 'import', item: 'foto.jpg', done: 1, total: 2 } } },
  useNav: { route: { screen: 'evidence', id: 1, incidentId: 1 } },
};

/** Fields that hold no vault data and that a lock changes on purpose, with the change asserted. */
const COUNTERS: Record<string, (before: unknown, after: unknown) => void> = {
  // Bumped so a page asked for before the lock, arriving after it, is dropped.
  'useIncidents.generation': (before, after) => expect(after).toBe((before as number) + 1),
};

/** Module-level mutable state outside the stores, and why a lock need not clear it. */
const MODULE_STATE: Record<string, string> = {
  'renderer/src/stores/incidents-store.ts loading': 'keys of page requests in flight ("generation:page"), no vault data; each removes itself when it settles',
};

function fillAll(): void {
  for (const [name, sample] of Object.entries(FILLED)) store(name).setState(structuredClone(sample));
}

function expectAllForgotten(): void {
  for (const name of Object.keys(FILLED)) {
    const initial = dataOf(store(name).getInitialState());
    for (const [field, value] of Object.entries(dataOf(store(name).getState()))) {
      const counter = COUNTERS[`${name}.${field}`];
      if (counter) counter(FILLED[name]![field], value);
      else expect(value, `${name}.${field} after lock`).toEqual(initial[field]);
    }
  }
}

/** Top-level `let`/`var`, `new …` and createContext in renderer/src, as "file name". */
function moduleState(): string[] {
  const found: string[] = [];
  for (const file of sourceFiles('renderer/src')) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    for (const stmt of sf.statements) {
      if (!ts.isVariableStatement(stmt)) continue;
      const constant = (stmt.declarationList.flags & ts.NodeFlags.Const) !== 0;
      for (const d of stmt.declarationList.declarations) {
        const init = d.initializer;
        const mutable = !constant || (init && (ts.isNewExpression(init) || (ts.isCallExpression(init) && /createContext/.test(init.expression.getText(sf)))));
        if (mutable) found.push(`${file.split('\\').join('/')} ${d.name.getText(sf)}`);
      }
    }
  }
  return found.sort();
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('T2 seized while unlocked: locking empties the renderer', () => {
  it('knows every store the renderer creates: each is forgotten on lock or kept for a stated reason', () => {
    expect(stores.size, 'every zustand store is exported, so this test can reach it').toBe(created);
    expect([...stores.keys()].sort()).toEqual([...Object.keys(KEPT), ...Object.keys(FILLED)].sort());
  });

  it.each(Object.keys(FILLED))('fills every field of %s with vault data, so the lock check covers them all', (name) => {
    const initial = dataOf(store(name).getInitialState());
    expect(Object.keys(FILLED[name]!).sort()).toEqual(Object.keys(initial).sort());
    for (const [field, value] of Object.entries(FILLED[name]!)) expect(value, `${name}.${field}`).not.toEqual(initial[field]);
  });

  it('a lock puts every store back at its initial state and revokes every blob: URL of decrypted bytes', () => {
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    fillAll();
    dropEverything();
    expectAllForgotten();
    expect(revoke.mock.calls.map(([u]) => u).sort()).toEqual(['blob:app://custodia/a', 'blob:app://custodia/b']);
  });

  it('the lock button forgets everything before main has even answered', async () => {
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    let forgottenBeforeMain = false;
    vi.stubGlobal('window', {
      custodia: {
        vault: {
          lock: async () => {
            expectAllForgotten();
            forgottenBeforeMain = true;
            return { ok: true, value: { state: 'locked' } };
          },
        },
      },
    });
    store('useSession').setState({ status: { state: 'unlocked', vaultId: 'v', user: { name: 'ana', role: 'admin' } } });
    fillAll();
    await (store('useSession').getState().lock as () => Promise<void>)();
    expect(forgottenBeforeMain).toBe(true);
    expect(store('useSession').getState().status).toEqual({ state: 'locked' });
  });

  it('a lock that main announces (its idle timer) forgets everything too', () => {
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    store('useSession').setState({ status: { state: 'unlocked', vaultId: 'v', user: { name: 'ana', role: 'admin' } } });
    fillAll();
    (store('useSession').getState().lockedByMain as () => void)();
    expectAllForgotten();
    expect(store('useSession').getState().status).toEqual({ state: 'locked' });
  });

  it('has no module-level state outside the stores but the known, harmless kind', () => {
    expect(moduleState()).toEqual(Object.keys(MODULE_STATE).sort());
  });
});
