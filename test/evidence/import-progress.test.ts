// The app's progress bar rests on importEvidence reporting the bytes stored after each chunk.
import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importEvidence } from '../../main/evidence/import-evidence';
import { addCase } from '../../main/records/cases';
import { addIncident } from '../../main/records/incidents';
import { INCIDENT, tempVault, type TempVault } from '../vault/fixture';

let v: TempVault | undefined;
afterEach(async () => {
  await v?.cleanup();
  v = undefined;
});

describe('import progress', () => {
  it('reports the running total after every chunk, ending at the file size', async () => {
    v = await tempVault();
    const { id: caseId } = await addCase(v.session, { title: 'Caso' });
    const { id: incidentId } = await addIncident(v.session, caseId, INCIDENT);
    const file = join(v.dir, 'audio.bin');
    await writeFile(file, randomBytes(5 * 64 * 1024 + 17));
    const seen: number[] = [];
    const item = await importEvidence(v.session, incidentId, file, { method: 'recording' }, { chunkSize: 64 * 1024, onProgress: (n) => seen.push(n) });
    expect(seen).toEqual([1, 2, 3, 4, 5].map((k) => k * 64 * 1024).concat(item.bytes));
  });
});
