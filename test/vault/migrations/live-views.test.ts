// The views that say once which records are deleted: a tombstoned item leaves the live_* view,
// appears in deleted_* with its reason, and keeps its row (deleted means tombstoned, T3).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCase } from '../../../main/records/cases';
import { addIncident, deleteIncident } from '../../../main/records/incidents';
import { importEvidence } from '../../../main/evidence/import-evidence';
import { deleteEvidence } from '../../../main/evidence/list-evidence';
import { INCIDENT, tempVault, type TempVault } from '../fixture';

let v: TempVault;
let kept: number;
let gone: number;
let photo: number;
beforeAll(async () => {
  v = await tempVault();
  const { id: caseId } = await addCase(v.session, { title: 'Caso' });
  kept = (await addIncident(v.session, caseId, INCIDENT)).id;
  gone = (await addIncident(v.session, caseId, INCIDENT)).id;
  const file = join(v.dir, 'nota.txt');
  await writeFile(file, 'nota');
  photo = (await importEvidence(v.session, kept, file, { method: 'received' })).id;
  await deleteIncident(v.session, gone, 'duplicado');
  await deleteEvidence(v.session, photo, 'error de carga');
});
afterAll(() => v.cleanup());

describe('live_* and deleted_* views', () => {
  it('T3 a deleted incident and a deleted item leave the live views, keep their rows and name their reason', async () => {
    const db = v.session.db;
    expect(await db.all('SELECT id FROM live_incidents ORDER BY id')).toEqual([{ id: kept }]);
    expect(await db.all('SELECT id, reason, deleted_by FROM deleted_incidents')).toEqual([{ id: gone, reason: 'duplicado', deleted_by: 'ana' }]);
    expect(await db.all('SELECT id FROM live_evidence')).toEqual([]);
    expect(await db.all('SELECT id, reason FROM deleted_evidence')).toEqual([{ id: photo, reason: 'error de carga' }]);
    expect(await db.get('SELECT count(*) AS n FROM incidents')).toEqual({ n: 2 });
    expect(await db.get('SELECT count(*) AS n FROM evidence')).toEqual({ n: 1 });
    expect(await db.all('SELECT id FROM live_cases')).toEqual([{ id: 1 }]);
  });
});
