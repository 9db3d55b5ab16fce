// T5 a dossier to the police carries a voice note (Opus), a FLAC and a WebM recording tagged with
// the protected person's name and GPS, and an AMR call, each as a cleaned exhibit under
// data/exhibits with a generated name: no file of the ZIP, read raw or through exiftool, names her
// or places her, and no original travels.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDossier, previewDisclosure, type ExportDossierOptions } from '../../main/dossier/export-from-vault';
import { importEvidence } from '../../main/evidence/import-evidence';
import { addCase } from '../../main/records/cases';
import { addIncident } from '../../main/records/incidents';
import { FORBIDDEN } from '../media/av-fixtures';
import { taggedWebm } from '../media/matroska-fixtures';
import { amrNb, taggedFlac, taggedOpus } from '../media/xiph-fixtures';
import { addRoleUsers, tempVault, type TempVault } from '../vault/fixture';
import { sampleIncident } from './helpers/dossier-fixture';
import { readZip, rootOf } from './helpers/zip-entries';

let v: TempVault;
let incidentId: number;

beforeAll(async () => {
  v = await tempVault('ana');
  await addRoleUsers(v);
  const c = await addCase(v.session, { title: 'Amenazas km 108' });
  incidentId = (await addIncident(v.session, c.id, sampleIncident())).id;
  const files: [string, Buffer][] = [
    ['Rosa Quispe nota de voz.opus', taggedOpus()], ['Rosa Quispe.flac', taggedFlac()], ['video Rosa.webm', taggedWebm()], ['llamada Rosa.amr', amrNb()],
  ];
  for (const [name, bytes] of files) {
    const file = join(v.dir, name);
    writeFileSync(file, bytes);
    await importEvidence(v.session, incidentId, file, { method: 'received', from: 'Defensora A' });
  }
});
afterAll(() => v.cleanup());

describe('T5 audio and video exhibits of every new type travel clean', () => {
  it('Opus, FLAC, WebM and AMR go under data/exhibits, named by label, with nothing that names or places her', async () => {
    const session = await v.open('lex');
    const o: ExportDossierOptions = {
      incidentIds: [incidentId], recipient: { kind: 'police', name: 'Comisaría' }, purpose: 'denuncia', language: 'es', originals: false,
      showNames: false, organisation: 'Asociación de Defensores', outPath: join(v.dir, 'police.zip'),
    };
    const accept = (await previewDisclosure(session, o)).filter((f) => f.severity === 'high').map((f) => f.id);
    await exportDossier(session, { ...o, accept });
    const entries = await readZip(o.outPath);
    const root = rootOf(entries);
    const exhibits = [...entries.keys()].filter((n) => n.startsWith(`${root}data/exhibits/`)).map((n) => n.slice(`${root}data/exhibits/`.length)).sort();
    expect(exhibits).toEqual(['E-01.ogg', 'E-02.flac', 'E-03.webm', 'E-04.amr']);
    expect([...entries.keys()].some((n) => n.includes('/data/originals/'))).toBe(false);
    const dossier = JSON.parse(entries.get(`${root}data/dossier.json`)!.toString('utf8')) as { exhibits: Array<{ file: string; removedMetadata: string[] }> };
    expect(dossier.exhibits.map((e) => e.removedMetadata.length > 0)).toEqual([true, true, true, false]);
    for (const name of exhibits) {
      const file = join(v.dir, name);
      writeFileSync(file, entries.get(`${root}data/exhibits/${name}`)!);
      const judged = `${entries.get(`${root}data/exhibits/${name}`)!.toString('latin1')}\n${execFileSync('exiftool', ['-a', '-G1', '-u', file], { encoding: 'utf8' })}`;
      for (const word of FORBIDDEN) expect(judged.includes(word), `${name} contains ${word}`).toBe(false);
    }
  });
});
