// `custodia incident import` run as a child process, the way scripts use it.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVault } from '../../main/accounts/vault-session';
import { buildCli, runCli } from './cli-harness';
import { CHEAP_KDF, INCIDENT } from '../vault/fixture';

const PASS = 'passphrase of the admin';
let cli: string;
let dir: string;
let vault: string;
const as = (args: string[]) => runCli(cli, [...args, '--vault', vault, '--user', 'ana', '--json'], { CUSTODIA_PASSPHRASE: PASS });
const total = () => (as(['incident', 'list']).json().incidents as unknown[]).length;

beforeAll(async () => {
  cli = await buildCli();
  dir = await mkdtemp(join(tmpdir(), 'custodia-import-cli-'));
  vault = join(dir, 'v.custodia');
  await (await createVault({ path: vault, user: 'ana', passphrase: PASS, kdf: CHEAP_KDF })).close();
  expect(as(['case', 'add', '--title', 'Caso 1']).status).toBe(0);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('custodia incident import', () => {
  it('imports a JSON array and JSON Lines, answering the new ids; log verify passes', async () => {
    const json = join(dir, 'a.json');
    await writeFile(json, JSON.stringify([INCIDENT, { ...INCIDENT, riskLevel: 'low' }]));
    const a = as(['incident', 'import', '--case', '1', '--file', json]);
    expect(a.status).toBe(0);
    expect(a.json()).toEqual({ ids: [1, 2] });
    const jsonl = join(dir, 'b.jsonl');
    await writeFile(jsonl, `${JSON.stringify(INCIDENT)}\n\n${JSON.stringify({ ...INCIDENT, type: 'surveillance' })}\n`);
    expect(as(['incident', 'import', '--case', '1', '--file', jsonl]).json()).toEqual({ ids: [3, 4] });
    expect(total()).toBe(4);
    expect(as(['log', 'verify']).json()).toMatchObject({ ok: true });
  });

  it('T9 one invalid incident or line: the named error, exit 4 (bad input), nothing imported', async () => {
    const before = total();
    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify([INCIDENT, { ...INCIDENT, riskLevel: 'extreme' }, INCIDENT]));
    const r = as(['incident', 'import', '--case', '1', '--file', bad]);
    expect(r.stderr).toMatch(/^error E_INVALID_INCIDENT: incident 1: .*riskLevel/m);
    expect(r.status).toBe(4);
    const badLine = join(dir, 'bad.jsonl');
    await writeFile(badLine, `${JSON.stringify(INCIDENT)}\n{"occurredAt":\n`);
    const l = as(['incident', 'import', '--case', '1', '--file', badLine]);
    expect(l.stderr).toMatch(/^error E_INVALID_JSON: .*line 2/m);
    expect(total()).toBe(before);
  });
});
