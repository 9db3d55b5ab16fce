// `custodia report stats`: the programme's numbers as a script or a funder's spreadsheet takes
// them, through the built CLI; and the CSV a spreadsheet opens without running a formula a
// hostile record put in a region's name (T7).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createVault } from '../../main/accounts/vault-session';
import { csvCell } from '../../main/records/programme-csv';
import { CHEAP_KDF, INCIDENT } from '../vault/fixture';
import { buildCli, runCli } from './cli-harness';

const PASS = 'passphrase of the admin';
let cli: string;
let dir: string;
let vault: string;
const as = (args: string[]) => runCli(cli, [...args, '--vault', vault, '--user', 'ana'], { CUSTODIA_PASSPHRASE: PASS });

beforeAll(async () => {
  cli = await buildCli();
  dir = await mkdtemp(join(tmpdir(), 'custodia-report-cli-'));
  vault = join(dir, 'v.custodia');
  await (await createVault({ path: vault, user: 'ana', passphrase: PASS, kdf: CHEAP_KDF })).close();
  expect(as(['case', 'add', '--title', 'Caso 1']).status).toBe(0);
  const incidents = [
    { ...INCIDENT, occurredAt: '2026-08-10T10:00:00-05:00', placeDetail: { country: 'PE', region: '=HYPERLINK("http://x","y")' }, reportedTo: [{ authority: 'police', on: '2026-08-12' }] },
    { ...INCIDENT, occurredAt: '2026-09-10T10:00:00-05:00', placeDetail: { country: 'PE', region: 'Madre de Dios, sur' }, measuresRequested: 'garantías' },
    { ...INCIDENT, occurredAt: '2026-10-10T10:00:00-05:00' },
  ];
  const file = join(dir, 'incidents.json');
  await writeFile(file, JSON.stringify(incidents));
  expect(as(['incident', 'import', '--case', '1', '--file', file]).status).toBe(0);
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('custodia report stats', () => {
  it('prints the figures as JSON, for a period too', () => {
    const all = as(['report', 'stats', '--json']);
    expect(all.status).toBe(0);
    expect(all.json()).toMatchObject({ total: 3, reported: 1, medianDaysToComplaint: 2, measuresRequested: 1, byAuthority: [{ authority: 'police', count: 1 }] });
    expect(as(['report', 'stats', '--json', '--from', '2026-09-01', '--to', '2026-09-30']).json()).toMatchObject({ total: 1, reported: 0 });
    expect(as(['report', 'stats']).stdout).toMatch(/median days from incident to complaint: 2/);
  });

  it('writes one figure as CSV; a region that reads as a formula stays text, a comma stays in its cell', async () => {
    const out = join(dir, 'region.csv');
    expect(as(['report', 'stats', '--csv', 'region', '--out', out]).status).toBe(0);
    const csv = await readFile(out, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('country,region,incidents');
    expect(csv).toContain(`PE,"'=HYPERLINK(""http://x"",""y"")",1`);
    expect(csv).toContain('PE,"Madre de Dios, sur",1');
    expect(csv).toContain(',,1\r\n');
    // Never over a file that is there.
    const again = as(['report', 'stats', '--csv', 'region', '--out', out]);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toMatch(/^error E_EXISTS: /m);
  });

  it('refuses --csv without --out and a day that is no date, with stable codes', () => {
    const noOut = as(['report', 'stats', '--csv', 'month']);
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toMatch(/^error E_USAGE: /m);
    const badDay = as(['report', 'stats', '--from', '31/12/2026']);
    expect(badDay.stderr).toMatch(/^error E_INVALID_INPUT: /m);
    expect(as(['report', 'stats', '--csv', 'people', '--out', join(dir, 'x.csv')]).stderr).toMatch(/^error E_USAGE: /m);
  });
});

describe('csvCell', () => {
  it('quotes what needs quoting and defuses what a spreadsheet would run', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
    expect(csvCell('Tambopata')).toBe('Tambopata');
    expect(csvCell('a "b"')).toBe('"a ""b"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    for (const lead of ['=', '+', '-', '@', '\t']) expect(csvCell(`${lead}1+1`)).toBe(`'${lead}1+1`);
  });
});
