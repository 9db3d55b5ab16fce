// T7 odd incident files are refused with a clear code instead of being accepted silently:
// invalid UTF-8 (once turned into U+FFFD), duplicate keys (once "last one wins"), files and lines
// beyond their caps (once a 300 MB file took 850 MB), nesting beyond a cap. A BOM is accepted.
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readIncidentFile, readIncidentList } from '../../main/records/incident-file';
import { parseStrictJson } from '../../main/records/strict-json';
import { createVault } from '../../main/accounts/vault-session';
import { buildCli, runCli } from '../cli/cli-harness';
import { CHEAP_KDF, INCIDENT } from '../vault/fixture';

const PASS = 'passphrase of the admin';
let cli: string;
let dir: string;
let vault: string;
let n = 0;
const as = (args: string[]) => runCli(cli, [...args, '--vault', vault, '--user', 'ana', '--json'], { CUSTODIA_PASSPHRASE: PASS });
const file = async (bytes: Buffer | string, ext = 'json'): Promise<string> => {
  const path = join(dir, `in-${++n}.${ext}`);
  await writeFile(path, bytes);
  return path;
};
/** A sparse file of `size` bytes starting with `head`: costs no disk, reads as zeros. */
const sparse = async (size: number, head: string, ext = 'json'): Promise<string> => {
  const path = join(dir, `sparse-${++n}.${ext}`);
  const fh = await open(path, 'w');
  await fh.write(head);
  await fh.truncate(size);
  await fh.close();
  return path;
};
const codeOf = (p: Promise<unknown>): Promise<string> => p.then(() => 'resolved', (e: { code?: string }) => e.code ?? String(e));
const json = JSON.stringify(INCIDENT);

beforeAll(async () => {
  cli = await buildCli();
  dir = await mkdtemp(join(tmpdir(), 'custodia-strict-input-'));
  vault = join(dir, 'v.custodia');
  await (await createVault({ path: vault, user: 'ana', passphrase: PASS, kdf: CHEAP_KDF })).close();
  expect(as(['case', 'add', '--title', 'Caso 1']).status).toBe(0);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('T7 incident files: UTF-8 only, within caps, no key twice', () => {
  it('refuses invalid UTF-8 with E_INVALID_ENCODING (exit 4), nothing added', async () => {
    const bad = Buffer.concat([Buffer.from(json.slice(0, -2)), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    const r = as(['incident', 'add', '--case', '1', '--file', await file(Buffer.from(json.replace('"high"', '"hi\xffgh"'), 'latin1'))]);
    expect(r.stderr).toMatch(/^error E_INVALID_ENCODING:/);
    expect(r.status).toBe(4);
    expect(await codeOf(readIncidentFile(await file(bad)))).toBe('E_INVALID_ENCODING');
    expect(as(['incident', 'list']).json().incidents).toEqual([]);
  });

  it('accepts a UTF-8 BOM at the start and ignores it', async () => {
    const r = as(['incident', 'add', '--case', '1', '--file', await file(`\ufeff${json}`)]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(await readIncidentFile(await file(`\ufeff${json}`))).toEqual(INCIDENT);
  });

  it('refuses duplicate keys with E_JSON_DUPLICATE_KEY instead of keeping the last', async () => {
    const dup = json.replace('"riskLevel":"high"', '"riskLevel":"high","riskLevel":"low"');
    const r = as(['incident', 'add', '--case', '1', '--file', await file(dup)]);
    expect(r.stderr).toMatch(/^error E_JSON_DUPLICATE_KEY: .*riskLevel/);
    expect(r.status).toBe(4);
    // The same key spelt with an escape is the same key; equal keys in different objects are fine.
    expect(() => parseStrictJson('{"a":1,"\\u0061":2}', 'x')).toThrow(expect.objectContaining({ code: 'E_JSON_DUPLICATE_KEY' }));
    expect(parseStrictJson('[{"a":1},{"a":2,"b":{"a":3}}]', 'x')).toEqual([{ a: 1 }, { a: 2, b: { a: 3 } }]);
    expect(() => parseStrictJson('{"a":{"b":1,"c":2},"b":{"b":1,"b":2}}', 'x')).toThrow(expect.objectContaining({ code: 'E_JSON_DUPLICATE_KEY' }));
  });

  it('refuses nesting deeper than the cap with E_JSON_TOO_DEEP, even 100,000 levels', () => {
    expect(() => parseStrictJson(`${'['.repeat(33)}${']'.repeat(33)}`, 'x')).toThrow(expect.objectContaining({ code: 'E_JSON_TOO_DEEP' }));
    expect(() => parseStrictJson(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`, 'x')).toThrow(expect.objectContaining({ code: 'E_JSON_TOO_DEEP' }));
    expect(parseStrictJson(`${'['.repeat(32)}${']'.repeat(32)}`, 'x')).toBeDefined();
  });

  it('refuses a 300 MB incident file with E_INPUT_TOO_LARGE, reading only the cap', async () => {
    const path = await sparse(300 * 1024 * 1024, '{"verbatim":"');
    const before = process.memoryUsage().rss;
    expect(await codeOf(readIncidentFile(path))).toBe('E_INPUT_TOO_LARGE');
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
    const r = as(['incident', 'edit', '--id', '1', '--file', await sparse(5 * 1024 * 1024, json)]);
    expect(r.stderr).toMatch(/^error E_INPUT_TOO_LARGE:/);
    expect(r.status).toBe(4);
  });

  it('JSON Lines: a line over the cap, invalid UTF-8 or a stray BOM inside names its line', async () => {
    expect(await codeOf(readIncidentList(await sparse(300 * 1024 * 1024, `${json}\n{"verbatim":"`, 'jsonl')))).toBe('E_INPUT_TOO_LARGE');
    const badUtf8 = Buffer.concat([Buffer.from(`${json}\n`), Buffer.from([0x7b, 0xff, 0x7d, 0x0a])]);
    await expect(readIncidentList(await file(badUtf8, 'jsonl'))).rejects.toMatchObject({ code: 'E_INVALID_ENCODING', message: expect.stringMatching(/line 2/) });
    await expect(readIncidentList(await file(`${json}\n\ufeff${json}\n`, 'jsonl'))).rejects.toMatchObject({ code: 'E_INVALID_JSON', message: expect.stringMatching(/line 2/) });
    await expect(readIncidentList(await file(`${json}\n{"a":1,"a":2}\n`, 'jsonl'))).rejects.toMatchObject({ code: 'E_JSON_DUPLICATE_KEY' });
    expect(await readIncidentList(await file(`\ufeff${json}\r\n\r\n${json}`, 'jsonl'))).toEqual([INCIDENT, INCIDENT]);
  });

  it('JSON Lines are streamed: lines split across read blocks come back whole', async () => {
    const long = { ...INCIDENT, verbatim: 'á'.repeat(700_000) };
    const lines = Array.from({ length: 5 }, () => JSON.stringify(long)).join('\n');
    const got = await readIncidentList(await file(lines, 'jsonl'));
    expect(got).toHaveLength(5);
    expect(got[4]).toEqual(long);
  });
});
