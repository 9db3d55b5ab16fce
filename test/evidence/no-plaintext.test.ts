// T1: nothing in plaintext touches the disk. A text item (several chunks), a photo whose metadata
// names the marker and its exhibit are stored, read back, and an older vault's chunks moved out;
// then every byte of every file in the vault's folder (database, WAL, key header, objects) is
// searched for the marker, in UTF-8 and UTF-16.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { importEvidence } from '../../main/evidence/import-evidence';
import { makeExhibit } from '../../main/evidence/make-exhibit';
import { openEvidenceStream } from '../../main/evidence/read-evidence';
import { makeRichImage } from '../media/fixtures';
import { backToChunks } from '../vault/legacy-chunks';
import { tempVault, type TempVault } from '../vault/fixture';
import { withIncident } from './fixtures';

const MARKER = 'MARCADOR-PLANO-7f3a91';

let v: TempVault | undefined;
let outside: string | undefined;
afterEach(async () => {
  await v?.cleanup();
  if (outside) await rm(outside, { recursive: true, force: true });
  v = undefined;
  outside = undefined;
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

async function holdingMarker(dir: string): Promise<string[]> {
  const needles = [Buffer.from(MARKER, 'utf8'), Buffer.from(MARKER, 'utf16le')];
  const found: string[] = [];
  for (const f of await filesUnder(dir)) {
    const bytes = await readFile(f);
    if (needles.some((n) => bytes.includes(n))) found.push(f);
  }
  return found;
}

describe('T1 no evidence in plaintext in the vault folder', () => {
  it('after imports, an exhibit, reads and a move of an older vault\'s chunks, no file holds the marker', async () => {
    v = await tempVault();
    outside = await mkdtemp(join(tmpdir(), 'custodia-sources-'));
    const incidentId = await withIncident(v.session);
    const text = join(outside, 'amenaza.txt');
    await writeFile(text, `${MARKER} `.repeat(200_000));
    const photo = await makeRichImage(outside, 'jpeg');
    execFileSync('exiftool', ['-overwrite_original', `-Artist=${MARKER}`, `-UserComment=${MARKER}`, photo]);
    expect((await readFile(photo)).includes(Buffer.from(MARKER))).toBe(true);
    await importEvidence(v.session, incidentId, text, { method: 'received', from: 'Defensora A' }, { chunkSize: 1024 * 1024 });
    const { id } = await importEvidence(v.session, incidentId, photo, { method: 'screenshot' });
    await makeExhibit(v.session, id);
    const { stream } = await openEvidenceStream(v.session, 1);
    for await (const part of stream) void part;
    expect(await holdingMarker(v.dir)).toEqual([]);

    // The same vault as an older version kept it, then moved out at its next unlock.
    await backToChunks(v.session);
    await v.open();
    expect(await readdir(join(v.dir, 'vault.custodia.objects'))).not.toHaveLength(0);
    await v.session.close();
    expect(await holdingMarker(v.dir)).toEqual([]);
  });
});
