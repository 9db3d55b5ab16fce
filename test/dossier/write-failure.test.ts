// T9: a dossier that cannot be written whole is not written at all: no file under the target
// name and no partial file left beside it.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDossier } from '../../main/dossier/write-dossier';
import { buildDossierInput, type DossierFixture } from './helpers/dossier-fixture';

let dir: string;
let fixture: DossierFixture;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'custodia-write-fail-'));
  fixture = await buildDossierInput();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('T9 a failed export leaves nothing behind', () => {
  it('refuses an exhibit whose bytes are not the ones the vault sealed', async () => {
    const exhibits = fixture.input.exhibits.map((e, i) => (i === 2 ? { ...e, sha256: 'f'.repeat(64) } : e));
    await expect(writeDossier({ ...fixture.input, exhibits }, join(dir, 'a.zip'))).rejects.toMatchObject({ code: 'E_EVIDENCE_HASH_MISMATCH' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('stops when an exhibit stream fails half way', async () => {
    const failing = async function* (): AsyncGenerator<Uint8Array> {
      yield new Uint8Array(1000);
      throw new Error('disk gone');
    };
    const exhibits = fixture.input.exhibits.map((e, i) => (i === 2 ? { ...e, content: failing } : e));
    await expect(writeDossier({ ...fixture.input, exhibits }, join(dir, 'b.zip'))).rejects.toThrow('disk gone');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a custody entry whose proof does not lead to the checkpoint, before writing', async () => {
    const custody = fixture.input.custody.map((c, i) => (i === 0 ? { ...c, entry: { ...c.entry, actor: 'someone else' } } : c));
    await expect(writeDossier({ ...fixture.input, custody }, join(dir, 'c.zip'))).rejects.toMatchObject({ code: 'E_ROOT_MISMATCH' });
    expect(readdirSync(dir)).toEqual([]);
  });
});
