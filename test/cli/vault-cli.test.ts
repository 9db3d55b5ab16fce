import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readHeader } from '../../main/vault/header-file';
import { kdfMemoryBytes } from '../../main/vault/kdf';
import { addCase } from '../../main/records/cases';
import { addIncident } from '../../main/records/incidents';
import { openVault, type VaultSession } from '../../main/accounts/vault-session';
import { addRoleUsers, INCIDENT, PASSPHRASE, snapshot, tempVault } from '../vault/fixture';
import { buildCli, runCli } from './cli-harness';

let cli = '';
let dir = '';
let vault = '';
let caseId = 0;
let incidentId = 0;
const env = { CUSTODIA_PASSPHRASE: PASSPHRASE };
const as = (user: string, args: string[]) => [...args, '--vault', vault, '--user', user, '--json'];

beforeAll(async () => {
  cli = await buildCli();
  const v = await tempVault();
  dir = v.dir;
  vault = v.path;
  await addRoleUsers(v);
  caseId = (await addCase(v.session, { title: 'Caso' })).id;
  incidentId = (await addIncident(v.session, caseId, INCIDENT)).id;
  await v.session.close();
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await unlink(cli).catch(() => undefined);
});

async function inspect<T>(fn: (s: VaultSession) => Promise<T>): Promise<T> {
  const s = await openVault({ path: vault, user: 'ana', passphrase: PASSPHRASE });
  try {
    return await fn(s);
  } finally {
    await s.close();
  }
}

const countRows = () => inspect((s) => s.db.get<{ incidents: number; log: number }>(
  'SELECT (SELECT count(*) FROM incidents) AS incidents, (SELECT count(*) FROM custody_log) AS log'));

describe('custodia CLI: records and evidence', () => {
  it('lists its commands in --help', () => {
    const r = runCli(cli, ['--help']);
    expect(r.status).toBe(0);
    for (const c of ['vault', 'user', 'case', 'incident', 'evidence']) expect(r.stdout).toMatch(new RegExp(`^\\s+${c}\\b`, 'm'));
  });

  it('case add / incident add print {"id"} and the lists find them', async () => {
    const c = runCli(cli, as('doc', ['case', 'add', '--title', 'Hostigamiento']), env);
    expect(c.status).toBe(0);
    expect(Object.keys(c.json())).toEqual(['id']);
    const file = join(dir, 'incident.json');
    await writeFile(file, JSON.stringify({ ...INCIDENT, channel: 'social_media' }));
    const i = runCli(cli, as('doc', ['incident', 'add', '--case', String(c.json().id), '--file', file]), env);
    expect(i.status).toBe(0);
    expect(typeof i.json().id).toBe('number');
    const list = runCli(cli, as('lex', ['incident', 'list', '--channel', 'social_media']), env);
    expect((list.json().incidents as { id: number }[]).map((x) => x.id)).toEqual([i.json().id]);
    const show = runCli(cli, as('lex', ['incident', 'show', '--id', String(i.json().id)]), env).json();
    expect(show).toMatchObject({ id: i.json().id, version: 1, incident: { channel: 'social_media' }, evidence: [] });
    const cases = runCli(cli, as('lex', ['case', 'list']), env).json().cases as { title: string }[];
    expect(cases.map((x) => x.title)).toContain('Hostigamiento');
  });

  it('evidence add prints {"items":[{"id","sha256","bytes"}]} with sha256sum\'s digest; evidence get returns the same bytes', async () => {
    const a = join(dir, 'a.jpg');
    const b = join(dir, 'b.ogg');
    await writeFile(a, randomBytes(300_000));
    await writeFile(b, randomBytes(1_000));
    const r = runCli(cli, [...as('doc', ['evidence', 'add', '--incident', String(incidentId), '--method', 'received', '--platform', 'WhatsApp']), a, b], env);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const items = r.json().items as { id: number; sha256: string; bytes: number }[];
    expect(items.map((x) => Object.keys(x))).toEqual([['id', 'sha256', 'bytes'], ['id', 'sha256', 'bytes']]);
    const judge = execFileSync('sha256sum', [a, b], { encoding: 'utf8' }).split('\n').filter(Boolean).map((l) => l.split(/\s+/)[0]);
    expect(items.map((x) => x.sha256)).toEqual(judge);
    expect(items.map((x) => x.bytes)).toEqual([300_000, 1_000]);
    const out = join(dir, 'a-copy.jpg');
    const g = runCli(cli, as('lex', ['evidence', 'get', '--id', String(items[0]?.id), '--out', out]), env);
    expect(g.status).toBe(0);
    expect((await readFile(out)).equals(await readFile(a))).toBe(true);
    const listed = runCli(cli, as('lex', ['evidence', 'list', '--incident', String(incidentId)]), env).json().items as { sha256: string }[];
    expect(listed.map((x) => x.sha256)).toEqual(judge);
  });

  it('a missing evidence file: exit 4 E_UNREADABLE_FILE and nothing imported', async () => {
    const before = await inspect((s) => s.db.get('SELECT count(*) AS n FROM evidence'));
    const r = runCli(cli, [...as('doc', ['evidence', 'add', '--incident', String(incidentId)]), join(dir, 'missing.jpg')], env);
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/^error E_UNREADABLE_FILE: /);
    expect(await inspect((s) => s.db.get('SELECT count(*) AS n FROM evidence'))).toEqual(before);
  });
});

describe('invalid incidents: exit 4 and nothing behind', () => {
  it.each([
    ['unknown channel', { ...INCIDENT, channel: 'fax' }],
    ['unknown key', { ...INCIDENT, extra: 1 }],
    ['bad date', { ...INCIDENT, occurredAt: 'yesterday' }],
  ])('%s', async (_label, bad) => {
    const file = join(dir, 'bad.json');
    await writeFile(file, JSON.stringify(bad));
    const before = await countRows();
    const r = runCli(cli, as('doc', ['incident', 'add', '--case', String(caseId), '--file', file]), env);
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/^error E_INVALID_INCIDENT: /);
    expect(await countRows()).toEqual(before);
  });

  it('not JSON at all: exit 4 E_INVALID_JSON', async () => {
    const file = join(dir, 'bad.json');
    await writeFile(file, '{ "occurredAt": ');
    const r = runCli(cli, as('doc', ['incident', 'add', '--case', String(caseId), '--file', file]), env);
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/^error E_INVALID_JSON: /);
  });
});

describe('T1 and access control through the CLI', () => {
  it('T1/T3 a wrong passphrase and an unknown user: the same exit 3 and stderr but for the name, every file byte-identical', async () => {
    const before = await snapshot(dir);
    const r = runCli(cli, as('ana', ['case', 'list']), { CUSTODIA_PASSPHRASE: 'guess guess guess' });
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/^error E_BAD_PASSPHRASE: /);
    const u = runCli(cli, as('nobody', ['case', 'list']), env);
    expect(u.status).toBe(r.status);
    expect(u.stderr.replaceAll('nobody', 'NAME')).toBe(r.stderr.replaceAll('ana', 'NAME'));
    expect(await snapshot(dir)).toEqual(before);
  });

  it('a vault open in another process: exit 5 E_VAULT_BUSY', async () => {
    const holder = await openVault({ path: vault, user: 'ana', passphrase: PASSPHRASE });
    try {
      const r = runCli(cli, as('lex', ['case', 'list']), env);
      expect(r.status).toBe(5);
      expect(r.stderr).toMatch(/^error E_VAULT_BUSY: /);
    } finally {
      await holder.close();
    }
  });

  it('role refusals: exit 3 E_FORBIDDEN, each a denied custody entry; the auditor (T3) holds no slot: exit 3, nothing written', async () => {
    const evidenceId = await inspect(async (s) => (await s.db.get<{ id: number }>('SELECT min(id) AS id FROM evidence'))?.id ?? 0);
    const out = join(dir, 'auditor.bin');
    const g = runCli(cli, as('aud', ['evidence', 'get', '--id', String(evidenceId), '--out', out]), env);
    expect(g.status).toBe(3);
    expect(g.stderr).toMatch(/^error E_BAD_PASSPHRASE: /);
    await expect(readFile(out)).rejects.toThrow();
    const u = runCli(cli, as('doc', ['user', 'add', '--new-user', 'zoe', '--role', 'admin']), env);
    expect(u.status).toBe(3);
    expect(u.stderr).toMatch(/^error E_FORBIDDEN: /);
    const denied = await inspect((s) => s.db.all<{ actor: string; entry: string }>("SELECT actor, entry FROM custody_log WHERE action = 'denied' ORDER BY seq"));
    expect(denied.map((d) => [d.actor, JSON.parse(d.entry).details.permission])).toEqual([['doc', 'users.manage']]);
  });
});

describe('vault init and user add at full KDF cost', () => {
  it('creates a vault whose slots use the default memory-hard parameters (>= 64 MiB)', async () => {
    const d = await mkdtemp(join(tmpdir(), 'custodia-cli-init-'));
    try {
      const path = join(d, 'v.custodia');
      const init = runCli(cli, ['vault', 'init', '--vault', path, '--user', 'ana', '--organisation', 'Asociación Defensores del Tambopata', '--json'], env);
      expect(init.stderr).toBe('');
      expect(init.json()).toMatchObject({ user: 'ana', role: 'admin' });
      const add = runCli(cli, ['user', 'add', '--vault', path, '--user', 'ana', '--new-user', 'doc', '--role', 'documenter', '--json'], env);
      const { oneTimePassphrase } = add.json() as { oneTimePassphrase: string };
      expect(add.json()).toEqual({ user: 'doc', role: 'documenter', oneTimePassphrase: expect.stringMatching(/^[2-9a-z]{4}(-[2-9a-z]{4}){4}$/) });
      // T3: until doc replaces the one-time passphrase the admin saw, doc can do nothing.
      const early = runCli(cli, ['case', 'list', '--vault', path, '--user', 'doc'], { CUSTODIA_PASSPHRASE: oneTimePassphrase });
      expect(early.status).toBe(3);
      expect(early.stderr).toMatch(/^error E_MUST_ACTIVATE: /);
      const act = runCli(cli, ['user', 'activate', '--vault', path, '--user', 'doc', '--json'], { CUSTODIA_PASSPHRASE: oneTimePassphrase, CUSTODIA_NEW_PASSPHRASE: 'doc passphrase' });
      expect(act.json()).toMatchObject({ user: 'doc', activated: true, fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(runCli(cli, ['case', 'list', '--vault', path, '--user', 'doc'], { CUSTODIA_PASSPHRASE: 'doc passphrase' }).status).toBe(0);
      const list = runCli(cli, ['user', 'list', '--vault', path, '--user', 'ana', '--json'], env).json() as { users: { name: string; fingerprint: string | null }[] };
      expect(list.users.find((u) => u.name === 'doc')?.fingerprint).toBe((act.json() as { fingerprint: string }).fingerprint);
      const header = await readHeader(path);
      expect(header.slots).toHaveLength(2);
      for (const slot of header.slots) expect(kdfMemoryBytes(slot.kdf)).toBeGreaterThanOrEqual(64 * 1024 * 1024);
      const s = await openVault({ path, user: 'ana', passphrase: env.CUSTODIA_PASSPHRASE });
      expect(await s.db.get("SELECT value FROM vault_meta WHERE key = 'organisation'")).toEqual({ value: 'Asociación Defensores del Tambopata' });
      await s.close();
      const again = runCli(cli, ['vault', 'init', '--vault', path, '--user', 'ana', '--json'], env);
      expect(again.status).toBe(4);
      expect(again.stderr).toMatch(/^error E_EXISTS: /);
    } finally {
      await rm(d, { recursive: true, force: true });
    }
  });
});
