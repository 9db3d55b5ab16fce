import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importEvidence } from '../../main/evidence/import-evidence';
import { addCase } from '../../main/records/cases';
import { addIncident, editIncident } from '../../main/records/incidents';
import { INCIDENT, tempVault, type TempVault } from './fixture';

let v: TempVault | undefined;
afterEach(async () => {
  await v?.cleanup();
  v = undefined;
});

const MARKER = `MARCADOR-${randomBytes(8).toString('hex')}`;

/** Every file under the folder: the database, its WAL, the key header and each evidence object. */
async function filesContaining(dir: string, needles: Buffer[]): Promise<string[]> {
  const hits: string[] = [];
  for (const entry of (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())) {
    const path = join(entry.parentPath, entry.name);
    if (needles.some((n) => readFileSync(path).includes(n))) hits.push(path);
  }
  return hits;
}

describe('T1 seized laptop: nothing readable at rest', () => {
  it('a marker in an incident and inside an evidence file appears in no file of the vault folder, open or closed', async () => {
    v = await tempVault();
    const evidenceDir = join(v.dir, '..', `${v.dir.split('/').pop() ?? 'x'}-src`);
    await mkdir(evidenceDir);
    const secretBlock = randomBytes(256);
    const file = join(evidenceDir, 'amenaza.txt');
    await writeFile(file, Buffer.concat([Buffer.from(`Mensaje: ${MARKER}\n`), secretBlock, Buffer.from(MARKER)]));
    const c = await addCase(v.session, { title: `Caso ${MARKER}` });
    const ref = await addIncident(v.session, c.id, { ...INCIDENT, verbatim: `Te vamos a desaparecer ${MARKER}`, affected: [{ name: `Nombre ${MARKER}` }] });
    await editIncident(v.session, ref.id, { ...INCIDENT, verbatim: `Otra versión ${MARKER}` });
    await importEvidence(v.session, ref.id, file, { method: 'received', from: `from ${MARKER}` });
    const needles = [Buffer.from(MARKER), Buffer.from(MARKER, 'utf16le'), secretBlock.subarray(0, 32), Buffer.from('Te vamos a desaparecer')];

    const open = await readdir(v.dir);
    expect(open.some((n) => n.endsWith('-wal'))).toBe(true);
    // The evidence is there to find, as an object.
    expect((await readdir(join(v.dir, 'vault.custodia.objects'), { recursive: true })).some((n) => /[0-9a-f]{64}$/.test(n))).toBe(true);
    expect(await filesContaining(v.dir, needles)).toEqual([]);
    await v.session.close();
    expect(await filesContaining(v.dir, needles)).toEqual([]);
    await rm(evidenceDir, { recursive: true });
  });
});
