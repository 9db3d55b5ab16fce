// What the installers pack must be licensable with Custodia's AGPL-3.0-or-later (issue 13 item 5):
// every production dependency in the lockfile carries a licence from a list known to be
// compatible, and the repository carries the licence's full text.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** SPDX ids that may be combined into an AGPL-3.0 work (the FSF's list of GPL-compatible licences). */
const COMPATIBLE = new Set(['MIT', 'ISC', '0BSD', 'BSD-2-Clause', 'BSD-3-Clause', 'Apache-2.0', 'LGPL-3.0-or-later', 'LGPL-3.0-only', 'AGPL-3.0-only', 'AGPL-3.0-or-later', 'GPL-3.0-or-later', 'Zlib', 'BlueOak-1.0.0', 'Python-2.0', 'CC0-1.0', 'Unlicense']);

/** Packages whose lockfile entry names no licence, with what their own LICENSE file says. */
const READ_FROM_LICENSE_FILE: Record<string, string> = { 'node_modules/png-js': 'MIT' };

function terms(expression: string): string[] {
  return expression.replace(/[()]/g, ' ').split(/\s+(?:AND|OR)\s+|\s+/).filter(Boolean);
}

/** An OR expression needs one compatible choice; an AND expression (or a single id) needs every part. */
function compatible(licence: string): boolean {
  return licence.includes(' OR ') ? terms(licence).some((t) => COMPATIBLE.has(t)) : terms(licence).every((t) => COMPATIBLE.has(t));
}

interface LockPackage { license?: string; dev?: boolean }

describe('licences', () => {
  it('the repository carries the full AGPL-3.0 text and package.json declares it', async () => {
    const text = await readFile(`${root}LICENSE`, 'utf8');
    expect(text).toMatch(/^\s+GNU AFFERO GENERAL PUBLIC LICENSE\n\s+Version 3, 19 November 2007/);
    // The FSF's agpl-3.0.txt, byte for byte.
    expect(createHash('md5').update(text).digest('hex')).toBe('eb1e647870add0502f8f010b19de32af');
    expect(JSON.parse(await readFile(`${root}package.json`, 'utf8')).license).toBe('AGPL-3.0-or-later');
  });

  it('every production dependency has a licence compatible with AGPL-3.0', async () => {
    const lock = JSON.parse(await readFile(`${root}package-lock.json`, 'utf8')) as { packages: Record<string, LockPackage> };
    const production = Object.entries(lock.packages).filter(([path, p]) => path !== '' && !p.dev);
    expect(production.length).toBeGreaterThan(50);
    const refused: string[] = [];
    for (const [path, p] of production) {
      const licence = p.license ?? READ_FROM_LICENSE_FILE[path];
      if (!licence) refused.push(`${path}: no licence named`);
      else if (!compatible(licence)) refused.push(`${path}: ${licence}`);
    }
    expect(refused).toEqual([]);
  });

  it('the check refuses an incompatible licence, alone or in an AND, and accepts a compatible choice', () => {
    expect(compatible('SSPL-1.0')).toBe(false);
    expect(compatible('Apache-2.0 AND GPL-2.0-only')).toBe(false);
    expect(compatible('(MIT OR GPL-2.0-only)')).toBe(true);
    expect(compatible('Apache-2.0 AND LGPL-3.0-or-later AND MIT')).toBe(true);
  });
});
