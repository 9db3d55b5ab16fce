// T5: a dossier goes to a police station that may leak. A protected person is named in every
// free-text field in several forms, evidence files are named after her with her phone number,
// a second person did not consent to be on file, and a witness is named: after the legal officer
// accepts the one high finding (a consenting person shown by name), no file of the ZIP, read raw,
// through pdftotext and through exiftool, carries any of it. A PDF whose Info (also in an older
// revision) and XMP name her, and an MP3 and an MP4 tagged with her name and GPS, travel as
// cleaned exhibits that exiftool, mat2 and pdfinfo find nothing in; a note that cannot be
// cleaned is left out. Without the acceptance the same export writes nothing and exits 4.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEvidence } from '../../main/evidence/import-evidence';
import { addCase } from '../../main/records/cases';
import { addIncident } from '../../main/records/incidents';
import type { Incident } from '../../shared/incident/incident-schema';
import { addRoleUsers, PASSPHRASE, tempVault, type TempVault } from '../vault/fixture';
import { bundleCli, runCli } from './helpers/cli';
import { sampleJpeg } from './helpers/dossier-fixture';
import { readZip } from './helpers/zip-entries';
import { GPS_WORDS, taggedMp3, taggedMp4, taggedPdf } from '../media/av-fixtures';

const FORBIDDEN = ['Rosa', 'ROSA', 'Quispe', 'QUISPE', 'Mamani', '987654321', '987 654 321', 'Condori', 'Lucía', 'Ccori', 'Julián'];
const NO_CONSENT = { toFile: true, toNameToState: false, toPublicReport: false };

function incident(): Incident {
  return {
    occurredAt: '2026-10-02T18:30:00-05:00',
    place: 'Comunidad nativa Tres Islas, cerca de la casa de doña Rosa',
    channel: 'in_person',
    perpetrators: 'Dos hombres que preguntaron por la señora Quispe',
    verbatim: 'Rosa Quispe Mamani, deja de denunciar o te vamos a desaparecer, ROSA',
    narrative: 'La señora Quispe recibió la visita; Lucía Condori la acompañaba y Julián Ccori lo vio todo. Mamani avisó a Ana Torres.',
    linkToDefenceWork: 'rosa quispe denunció el campamento minero',
    riskLevel: 'high',
    type: 'threat',
    affected: [
      { name: 'Rosa Quispe Mamani', role: 'guardaparque', community: 'familia Quispe', consent: NO_CONSENT },
      { name: 'Lucía Condori', consent: { toFile: false, toNameToState: true, toPublicReport: true } },
      { name: 'Ana Torres', consent: { toFile: true, toNameToState: true, toPublicReport: false } },
    ],
    witnesses: [{ name: 'Julián Ccori', willingToTestify: true }],
    measuresRequested: 'protección para Rosa y su familia',
    notes: 'Llamar a Quispe al 987 654 321 antes de ir.',
  };
}

let v: TempVault;
let cli: string;
let incidentId: number;

beforeAll(async () => {
  v = await tempVault('ana');
  await addRoleUsers(v);
  const c = await addCase(v.session, { title: 'Amenazas Tres Islas' });
  incidentId = (await addIncident(v.session, c.id, incident())).id;
  const photo = join(v.dir, 'Rosa Quispe 987654321.jpg');
  writeFileSync(photo, await sampleJpeg(5));
  execFileSync('exiftool', ['-q', '-overwrite_original', '-GPSLatitude=12.5912', '-GPSLatitudeRef=S', '-GPSLongitude=69.1934', '-GPSLongitudeRef=W', '-Artist=Rosa Quispe', photo]);
  const note = join(v.dir, 'Rosa Quispe 987654321.txt');
  writeFileSync(note, 'Nota dejada en la puerta.\n');
  const av = [['pdf', await taggedPdf()], ['mp3', taggedMp3()], ['mp4', taggedMp4()]] as const;
  const files = av.map(([ext, bytes]) => {
    const f = join(v.dir, `Rosa Quispe 987654321.${ext}`);
    writeFileSync(f, bytes);
    return f;
  });
  for (const f of [photo, note, ...files]) await importEvidence(v.session, incidentId, f, { method: 'received', from: 'Defensora' });
  await v.session.close();
  cli = await bundleCli();
}, 60_000);
afterAll(async () => {
  await v.cleanup();
  execFileSync('rm', ['-f', cli]);
});

const env = { CUSTODIA_PASSPHRASE: PASSPHRASE };
const choice = () => ['--vault', v.path, '--user', 'lex', '--incident', String(incidentId), '--recipient', 'police', '--show-names'];

type Finding = { id: string; severity: string; kind: string; where: string };

describe('T5 an export to the police never exposes a protected person', () => {
  it('without accepting the high finding, writes nothing and exits 4 with E_UNACCEPTED_FINDINGS', () => {
    const out = join(v.dir, 'refused.zip');
    const r = runCli(cli, ['dossier', 'export', ...choice(), '--out', out], { env });
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/E_UNACCEPTED_FINDINGS/);
    expect(existsSync(out)).toBe(false);
  });

  it('dossier check lists findings with stable ids and no detail in --json', () => {
    const first = runCli(cli, ['dossier', 'check', ...choice(), '--json'], { env });
    expect(first.status).toBe(0);
    const { findings } = JSON.parse(first.stdout) as { findings: Finding[] };
    const again = JSON.parse(runCli(cli, ['dossier', 'check', ...choice(), '--json'], { env }).stdout) as { findings: Finding[] };
    expect(again.findings).toEqual(findings);
    for (const f of findings) expect(Object.keys(f).sort()).toEqual(['id', 'kind', 'severity', 'where']);
    expect(findings.filter((f) => f.severity === 'high')).toEqual([expect.objectContaining({ kind: 'real_name', where: 'incident 1 affected[2]' })]);
    expect(JSON.stringify(findings)).not.toMatch(/Rosa|Quispe|Torres/);
  });

  it('after accepting it, no file in the ZIP names her, her phone, the person off file or the witness', async () => {
    const { findings } = JSON.parse(runCli(cli, ['dossier', 'check', ...choice(), '--json'], { env }).stdout) as { findings: Finding[] };
    const accept = findings.filter((f) => f.severity === 'high').flatMap((f) => ['--accept', f.id]);
    const out = join(v.dir, 'police.zip');
    const r = runCli(cli, ['dossier', 'export', ...choice(), ...accept, '--out', out, '--json'], { env });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);

    const entries = await readZip(out);
    const dir = mkdtempSync(join(tmpdir(), 'custodia-t5-'));
    const texts: Array<[string, string]> = [];
    for (const [name, bytes] of entries) {
      // File names, raw bytes, and what the stock tools read out of each file.
      texts.push([`name ${name}`, name], [name, bytes.toString('latin1')], [`${name} (utf8)`, bytes.toString('utf8')]);
      const file = join(dir, name.replace(/[/\\]/g, '_'));
      writeFileSync(file, bytes);
      if (name.endsWith('.pdf')) texts.push([`pdftotext ${name}`, execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })]);
      if (name.includes('/data/exhibits/')) {
        texts.push([`exiftool ${name}`, execFileSync('exiftool', ['-a', '-G1', '-u', file], { encoding: 'utf8' })]);
        texts.push([`mat2 ${name}`, execFileSync('mat2', ['--show', file], { encoding: 'utf8' })]);
      }
      if (name.includes('/data/exhibits/') && name.endsWith('.pdf')) {
        const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
        expect(info, 'pdfinfo of the PDF exhibit').not.toMatch(/^(Author|Creator|Title):/m);
        expect(info).toMatch(/^Metadata Stream:\s+no/m);
      }
    }
    expect(texts.some(([where]) => where.startsWith('pdftotext'))).toBe(true);
    const exhibits = texts.filter(([where]) => where.startsWith('exiftool')).map(([where]) => where.replace(/^.*\//, ''));
    expect(exhibits.sort()).toEqual(['E-01.jpg', 'E-02.pdf', 'E-03.mp3', 'E-04.mp4']);
    // mat2 lists structure too (a PDF's version, an MP4's handler kind): no line may name a
    // person, device or place, and a date it lists must be blank (-1 or all zeros).
    for (const [where, text] of texts.filter(([w]) => w.startsWith('mat2'))) {
      for (const [, key, value] of text.matchAll(/^\s+([^:\n]+): (.*)$/gm)) {
        expect(key, `${where}: ${key}`).not.toMatch(/author|creator|artist|title|gps|location|make|model|software|comment|producer|encoder|copyright/i);
        if (/date/i.test(key!)) expect(value, `${where}: ${key}`).toMatch(/^(-1|0000:00:00 00:00:00)$/);
      }
    }
    for (const [where, text] of texts) {
      for (const word of [...FORBIDDEN, ...GPS_WORDS]) expect(text.includes(word), `${where} contains ${word}`).toBe(false);
      expect(/12[.,]59|69[.,]19|12 deg 35/.test(text), `${where} carries the photo's GPS`).toBe(false);
    }
    // The person who consented is named, as accepted; the custody entry records what was accepted.
    expect(texts.some(([, text]) => text.includes('Ana Torres'))).toBe(true);
    const log = runCli(cli, ['log', 'show', '--vault', v.path, '--user', 'lex', '--json'], { env });
    const exported = (JSON.parse(log.stdout) as { entries: Array<{ action: string; details: Record<string, unknown> }> }).entries.filter((e) => e.action === 'export');
    expect(exported).toHaveLength(1);
    expect(exported[0]!.details.acceptedFindings).toEqual(findings.filter((f) => f.severity === 'high').map((f) => f.id));
    expect(exported[0]!.details.findingsSha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
