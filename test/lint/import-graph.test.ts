// The import-graph check must fail on a cycle between folders or files, and pass on main/ today.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const script = join(process.cwd(), 'test/lint/import-graph.mjs');
const dirs: string[] = [];

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'custodia-graph-'));
  dirs.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const run = (root: string) => spawnSync('node', [script, root], { encoding: 'utf8' });

afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('import graph of main/', () => {
  it('passes on the repository and prints the folder graph', () => {
    const r = run(join(process.cwd(), 'main'));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/accounts\s+-> custody/);
  });

  it('fails on a value-import cycle between folders, not on a type-only one', () => {
    const cycle = tree({
      'a/x.ts': "import { y } from '../b/y';\nexport const x = y;\n",
      'b/y.ts': "import { z } from '../a/z';\nexport const y = z;\n",
      'a/z.ts': 'export const z = 1;\n',
    });
    const r = run(cycle);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('folder cycle: a -> b');
    const typeOnly = tree({
      'a/x.ts': "import { y } from '../b/y';\nexport const x = y;\n",
      'b/y.ts': "import type { Z } from '../a/z';\nexport const y: Z = 1;\n",
      'a/z.ts': 'export type Z = number;\n',
    });
    expect(run(typeOnly).status).toBe(0);
  });

  it('fails on a cycle between two files of one folder', () => {
    const r = run(tree({
      'a/x.ts': "import { y } from './y';\nexport const x = () => y;\n",
      'a/y.ts': "import { x } from './x';\nexport const y = () => x;\n",
    }));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/file cycle: .*a\/x\.ts -> .*a\/y\.ts|file cycle: .*a\/y\.ts -> .*a\/x\.ts/);
  });
});
