// The dossier builder's progress bar: writeDossier reports payload bytes after each exhibit and
// original, never going back, ending at the sum of their sizes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDossier } from '../../main/dossier/write-dossier';
import { buildDossierInput } from './helpers/dossier-fixture';

const dir = mkdtempSync(join(tmpdir(), 'custodia-progress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dossier export progress', () => {
  it('counts the bytes of every exhibit and original written', async () => {
    const fixture = await buildDossierInput({ originals: true });
    const files = [...fixture.input.exhibits, ...(fixture.input.originals ?? [])];
    const total = files.reduce((n, f) => n + f.size, 0);
    const steps: Array<[number, number]> = [];
    await writeDossier(fixture.input, join(dir, 'd.zip'), { onProgress: (done, all) => steps.push([done, all]) });
    expect(steps).toHaveLength(files.length);
    expect(steps.every(([, all]) => all === total)).toBe(true);
    expect(steps.map(([done]) => done)).toEqual([...steps.map(([done]) => done)].sort((a, b) => a - b));
    expect(steps.at(-1)).toEqual([total, total]);
  });
});
