// The interface translates each verification line by its kind: every name the verifier really
// produces must map to a kind, and only bag files may fall to the generic 'file'.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDossier } from '../../../main/dossier/write-dossier';
import { verifyDossier } from '../../../main/dossier/verify-dossier';
import { VERIFY_ITEM_KINDS, verifyItemKind } from '../../../shared/dossier/verify-item-kind';
import { buildDossierInput } from '../../dossier/helpers/dossier-fixture';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'custodia-kinds-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('verification lines have translatable kinds', () => {
  it('classifies every item of a real dossier', async () => {
    const fixture = await buildDossierInput({ originals: true });
    const path = join(dir, 'd.zip');
    await writeDossier(fixture.input, path);
    const { items } = await verifyDossier(path, {});
    const kinds = new Set<string>();
    for (const item of items) {
      const { kind, subject } = verifyItemKind(item.name);
      expect(VERIFY_ITEM_KINDS).toContain(kind);
      if (kind === 'file') expect(subject, item.name).toMatch(/^(data\/|bagit\.txt|bag-info\.txt|VERIFY\.md|signer\.pub\.pem|signature\.ed25519)/);
      kinds.add(kind);
    }
    for (const k of ['bagit_version', 'signature', 'checkpoint', 'custody_entry', 'exhibit', 'file'] as const) expect(kinds).toContain(k);
  });

  it('keeps the subject of numbered lines', () => {
    expect(verifyItemKind('custody entry 12')).toEqual({ kind: 'custody_entry', subject: '12' });
    expect(verifyItemKind('exhibit 7')).toEqual({ kind: 'exhibit', subject: '7' });
    expect(verifyItemKind('tagmanifest-sha512.txt')).toEqual({ kind: 'manifest', subject: 'tagmanifest-sha512.txt' });
  });
});
