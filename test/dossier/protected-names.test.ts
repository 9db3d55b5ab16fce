// T5: a dossier goes to a police station that may leak. A protected person is named in every
// free-text field in several forms, evidence files are named after her with her phone number,
// a second person did not consent to be on file, and a witness is named: after the legal officer
// accepts the one high finding (a consenting person shown by name), no file of the ZIP, read raw,
// through pdftotext and through exiftool, carries any of it. Without the acceptance the same
// export writes nothing and exits 4.
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
  for (const f of [photo, note]) await importEvidence(v.session, incidentId, f, { method: 'received', from: 'Defensora' });
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
      if (name.includes('/data/exhibits/')) texts.push([`exiftool ${name}`, execFileSync('exiftool', ['-a', '-G1', file], { encoding: 'utf8' })]);
    }
    expect(texts.some(([where]) => where.startsWith('pdftotext'))).toBe(true);
    expect(texts.filter(([where]) => where.startsWith('exiftool'))).toHaveLength(2);
    for (const [where, text] of texts) {
      for (const word of FORBIDDEN) expect(text.includes(word), `${where} contains ${word}`).toBe(false);
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
