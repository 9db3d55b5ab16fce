// T5: a dossier goes to a police station that may leak. A protected person is named in every
// free-text field in several forms, evidence files are named after her with her phone number,
// a second person did not consent to be on file, and a witness is named. Exported to the police
// with the default options, no file of the ZIP, read raw, through pdftotext and through exiftool,
// carries any of it, nor her phone, e-mail, ID number or the incident's exact coordinates; staff
// appear by role. A PDF whose Info (also in an older revision) and XMP name her, and an MP3 and
// an MP4 tagged with her name and GPS, travel as cleaned exhibits that exiftool, mat2 and pdfinfo
// find nothing in; a note that cannot be cleaned is left out. Asking for original file names is
// a high finding: without accepting it the export writes nothing and exits 4; accepted, the names
// travel scrubbed, as does the export's purpose. Showing names to the police, which she did not consent to, is refused
// (E_CONSENT) and writes nothing.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
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

const FORBIDDEN = [
  'Rosa', 'ROSA', 'Quispe', 'QUISPE', 'Mamani', '987654321', '987 654 321', 'Condori', 'Lucía', 'LUCIA', 'Ccori', 'Julián', 'Torres',
  'rosa.q@example.org', '45678912', '12.6048', '69.2211',
];
const NO_CONSENT = { toFile: true, toNameToState: false, toPublicReport: false, obtainedBy: 'doc' };

function incident(): Incident {
  return {
    occurredAt: '2026-10-02T18:30:00-05:00',
    place: 'Comunidad nativa Tres Islas, cerca de la casa de doña Rosa',
    placeDetail: { community: 'Tres Islas, sector Quispe', site: 'chacra de don Julián' },
    coordinates: { lat: -12.6048, lon: -69.2211, source: 'gps' },
    channel: 'in_person',
    perpetrators: 'Dos hombres que preguntaron por la señora Quispe',
    perpetratorDetails: [{ description: 'el que habló con la sra. Mamani', affiliation: 'socio de los que amenazaron a dona Rosa' }],
    verbatim: 'Rosa Quispe Mamani, deja de denunciar o te vamos a desaparecer, ROSA',
    narrative: 'La señora Quispe recibió la visita en -12.6048, -69.2211; Lucía Condori la acompañaba y el sr. Ccori lo vio todo. Mamani avisó a Ana Torres. Su DNI 45678912 quedó en la mesa.',
    linkToDefenceWork: 'rosa quispe denunció el campamento minero',
    riskLevel: 'high',
    type: 'threat',
    affected: [
      { name: 'Rosa Quispe Mamani', role: 'guardaparque', community: 'familia Quispe', consent: NO_CONSENT },
      { name: 'Lucía Condori', role: 'prima de Rosa', consent: { toFile: false, toNameToState: true, toPublicReport: true } },
      { name: 'Ana Torres', consent: { toFile: true, toNameToState: true, toPublicReport: false } },
    ],
    witnesses: [{ name: 'Julián Ccori', willingToTestify: true }],
    reportedTo: [{ authority: 'police', reference: 'denuncia de LUCIA', response: 'Atendieron a Quispe, correo rosa.q@example.org' }],
    notReportedReason: null,
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
const choice = (...more: string[]) => ['--vault', v.path, '--user', 'lex', '--incident', String(incidentId), '--recipient', 'police', ...more];

type Finding = { id: string; severity: string; kind: string; where: string };
type DossierJson = {
  incidents: Array<{ incident: Incident }>;
  exhibits: Array<{ file: string; originalName?: string }>;
  protection: Record<string, unknown>;
  purpose: string;
};

const check = (...more: string[]): Finding[] => {
  const r = runCli(cli, ['dossier', 'check', ...choice(...more), '--json'], { env });
  expect(r.stderr).toBe('');
  return (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
};
const acceptAll = (findings: Finding[]): string[] => findings.filter((f) => f.severity === 'high').flatMap((f) => ['--accept', f.id]);
const exportEntries = () => {
  const log = runCli(cli, ['log', 'show', '--vault', v.path, '--user', 'lex', '--json'], { env });
  return (JSON.parse(log.stdout) as { entries: Array<{ action: string; details: Record<string, unknown> }> }).entries.filter((e) => e.action === 'export');
};

/** Every file of the ZIP as the recipient can read it: its name, raw bytes, and what the stock tools read out of it. */
async function readable(zip: string): Promise<{ texts: Array<[string, string]>; dossier: DossierJson; report: string }> {
  const entries = await readZip(zip);
  const dir = mkdtempSync(join(tmpdir(), 'custodia-t5-'));
  const texts: Array<[string, string]> = [];
  let dossier: DossierJson | undefined;
  let report = '';
  for (const [name, bytes] of entries) {
    texts.push([`name ${name}`, name], [name, bytes.toString('latin1')], [`${name} (utf8)`, bytes.toString('utf8')]);
    if (name.endsWith('/data/dossier.json')) dossier = JSON.parse(bytes.toString('utf8')) as DossierJson;
    const file = join(dir, name.replace(/[/\\]/g, '_'));
    writeFileSync(file, bytes);
    if (name.endsWith('.pdf')) {
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      texts.push([`pdftotext ${name}`, text]);
      if (name.endsWith('/data/report.pdf')) report = text;
    }
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
  expect(dossier).toBeDefined();
  return { texts, dossier: dossier!, report };
}

function expectNothingIdentifying(texts: Array<[string, string]>): void {
  for (const [where, text] of texts) {
    for (const word of [...FORBIDDEN, ...GPS_WORDS]) expect(text.includes(word), `${where} contains ${word}`).toBe(false);
    expect(/12[.,]59|69[.,]19|12 deg 35/.test(text), `${where} carries the photo's GPS`).toBe(false);
  }
}

describe('T5 an export to the police never exposes a protected person', () => {
  it('with default options, no file in the ZIP names her, her contacts, the person off file, the witness or the exact place', async () => {
    const findings = check();
    expect(findings.filter((f) => f.severity === 'high')).toEqual([]);
    expect(JSON.stringify(findings)).not.toMatch(/Rosa|Quispe|Torres/);
    const out = join(v.dir, 'police.zip');
    const purpose = ['--purpose', 'Denuncia por las amenazas a doña Rosa Quispe'];
    const r = runCli(cli, ['dossier', 'export', ...choice(...purpose), '--out', out, '--json'], { env });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);

    const { texts, dossier, report } = await readable(out);
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
    expectNothingIdentifying(texts);

    // The purpose, typed for the recipient, is scrubbed too (cover, dossier.json, bag-info.txt).
    expect(dossier.purpose).toBe('Denuncia por las amenazas a doña Persona 1');
    const exported = dossier.incidents[0]!.incident;
    // The quote keeps a visible mark where her name was; the person off file is left out.
    expect(exported.verbatim).toBe('[Persona 1], deja de denunciar o te vamos a desaparecer, [Persona 1]');
    expect(exported.affected?.map((a) => a.pseudonym)).toEqual(['Persona 1', 'Persona 2']);
    expect(exported.narrative).toContain('en -12.60, -69.22;');
    expect(exported.narrative).toContain('Su DNI [documento retirado]');
    expect(exported.coordinates).toEqual({ lat: -12.6, lon: -69.22, source: 'gps' });
    expect(exported.notes).toBeUndefined();
    expect(exported.reportedTo?.[0]?.response).toBe('Atendieron a Persona 1, correo [correo retirado]');
    // Staff by role: whoever obtained the consent, and every actor of the custody timeline.
    expect(exported.affected?.[0]?.consent?.obtainedBy).toBe('equipo de documentación');
    expect(report).toMatch(/equipo legal/);
    expect(report).toContain('obtenido por equipo de documentación');
    expect(report).not.toMatch(/\b(ana|lex|doc)\b/);
    const defaults = { redact: ['phones', 'emails', 'ids', 'notes'], coordinates: 'round:2', staffNames: 'role', originalNames: false, keepOffFileAsPseudonym: false };
    expect(dossier.protection).toEqual(defaults);
    expect(report).toContain('redondeadas a 2 decimales');
    // What the export took out reads so, not "not recorded".
    expect(report).toMatch(/Notas\s+omitido en esta exportación/);
    // The custody entry records the options chosen (fixed words) and that nothing was accepted.
    const [entry] = exportEntries();
    expect(entry!.details.protection).toEqual(defaults);
    expect(entry!.details.acceptedFindings).toEqual([]);
  });

  it('original file names are a high finding: not accepted, the export writes nothing and exits 4', () => {
    const findings = check('--original-names');
    const high = findings.filter((f) => f.severity === 'high');
    expect(high.map((f) => [f.kind, f.where])).toEqual(['E-01', 'E-02', 'E-03', 'E-04'].map((e) => ['original_name', `exhibit ${e}`]));
    const out = join(v.dir, 'refused.zip');
    const r = runCli(cli, ['dossier', 'export', ...choice('--original-names'), ...acceptAll(findings).slice(0, 6), '--out', out], { env });
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/E_UNACCEPTED_FINDINGS/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(v.dir).filter((f) => f.startsWith('refused'))).toEqual([]);
  });

  it('original file names, accepted, travel scrubbed of her name and phone, and the entry records the acceptance', async () => {
    const findings = check('--original-names');
    const out = join(v.dir, 'police-names.zip');
    const r = runCli(cli, ['dossier', 'export', ...choice('--original-names'), ...acceptAll(findings), '--out', out, '--json'], { env });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const { texts, dossier, report } = await readable(out);
    expectNothingIdentifying(texts);
    expect(dossier.exhibits.map((e) => e.originalName)).toEqual(['jpg', 'pdf', 'mp3', 'mp4'].map((x) => `Persona 1 [teléfono retirado].${x}`));
    expect(report).toContain('Persona 1 [teléfono retirado].mp4');
    const entry = exportEntries().at(-1)!;
    expect(entry.details.acceptedFindings).toEqual(findings.filter((f) => f.severity === 'high').map((f) => f.id).sort());
    expect(entry.details.protection).toMatchObject({ originalNames: true });
  });

  it('showing names to the police, which she did not consent to, is refused with E_CONSENT: check and export, nothing written', () => {
    const checked = runCli(cli, ['dossier', 'check', ...choice('--show-names'), '--json'], { env });
    expect(checked.status).toBe(4);
    expect(checked.stderr).toMatch(/^error E_CONSENT: .*incident 1 affected\[0\]/);
    const out = join(v.dir, 'named.zip');
    const before = exportEntries().length;
    const r = runCli(cli, ['dossier', 'export', ...choice('--show-names'), '--out', out], { env });
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/E_CONSENT/);
    // Where, never who.
    expect(r.stderr).not.toMatch(/Rosa|Quispe|Torres/);
    expect(existsSync(out)).toBe(false);
    expect(exportEntries()).toHaveLength(before);
  });
});

describe('T5 export options override the recipient\'s defaults, and say so', () => {
  it('keeping contacts, exact coordinates, staff names and the person off file as a pseudonym: listed by the check, recorded in the dossier and the log', async () => {
    const opts = ['--redact', 'none', '--coordinates', 'keep', '--staff-names', 'name', '--keep-off-file-as-pseudonym'];
    const findings = check(...opts);
    const inNarrative = findings.filter((f) => f.where === 'incident 1 narrative').map((f) => f.kind);
    expect(inNarrative).toEqual(['id_number', 'coordinates']);
    expect(findings.filter((f) => f.where === 'incident 1 notes').map((f) => f.kind)).toEqual(['phone_number']);
    expect(findings.filter((f) => f.where === 'incident 1 reportedTo[0].response').map((f) => f.kind)).toEqual(['email_address']);
    const out = join(v.dir, 'police-kept.zip');
    const r = runCli(cli, ['dossier', 'export', ...choice(...opts), ...acceptAll(findings), '--out', out, '--json'], { env });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const { texts, dossier, report } = await readable(out);
    const exported = dossier.incidents[0]!.incident;
    expect(exported.notes).toBe('Llamar a Persona 1 al 987 654 321 antes de ir.');
    expect(exported.coordinates).toEqual({ lat: -12.6048, lon: -69.2211, source: 'gps' });
    expect(exported.affected?.map((a) => [a.pseudonym, a.consent?.obtainedBy])).toEqual([['Persona 1', 'doc'], ['Persona 2', undefined], ['Persona 3', undefined]]);
    expect(report).toMatch(/\blex\b/);
    expect(report).toContain('obtenido por doc');
    // Kept as a pseudonym is never by name.
    for (const [where, text] of texts) for (const word of ['Lucía', 'Condori', 'Rosa', 'Quispe']) expect(text.includes(word), `${where} contains ${word}`).toBe(false);
    const protection = { redact: [], coordinates: 'keep', staffNames: 'name', originalNames: false, keepOffFileAsPseudonym: true };
    expect(dossier.protection).toEqual(protection);
    expect(exportEntries().at(-1)!.details.protection).toEqual(protection);
  });

  it('coordinates drop takes the point and those in the texts out; a public recipient drops them by default', async () => {
    for (const [opts, out] of [[['--coordinates', 'drop'], 'police-drop.zip'], [['--recipient', 'other'], 'public.zip']] as const) {
      const r = runCli(cli, ['dossier', 'export', ...choice(...opts), '--out', join(v.dir, out), '--json'], { env });
      expect(r.status, r.stderr).toBe(0);
      const { dossier, report } = await readable(join(v.dir, out));
      expect(dossier.incidents[0]!.incident).not.toHaveProperty('coordinates');
      expect(report).toMatch(/Coordenadas\s+omitido en esta exportación/);
      expect(dossier.incidents[0]!.incident.narrative).toContain('en [coordenadas retiradas];');
      expect(dossier.protection).toMatchObject({ coordinates: 'drop' });
    }
  });

  it.each([
    ['--redact', 'phones,bogus'], ['--coordinates', 'round:9'], ['--staff-names', 'everyone'],
  ])('refuses %s %s as a usage error, writing nothing', (flag, value) => {
    const out = join(v.dir, 'bad-option.zip');
    const r = runCli(cli, ['dossier', 'export', ...choice(flag, value), '--out', out], { env });
    expect(r.status).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});
