// Both SQLCipher bindings behave alike for every operation the vault uses: the same rows, the
// same result codes, the same refusals. A driver that drifts fails here, not in a user's vault.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chosenDriverName, driver } from '../../../main/vault/drivers/choose-driver';
import { DRIVER_NAMES, sqliteCode, type Connection } from '../../../main/vault/drivers/connection';
import { CustodiaError } from '../../../shared/errors/error-codes';
import { TESTED_DRIVERS } from './available-drivers';

const KEY = `PRAGMA key = "x'${'5a'.repeat(32)}'"`;
const OTHER_KEY = `PRAGMA key = "x'${'a5'.repeat(32)}'"`;
const dirs: string[] = [];
const open: Connection[] = [];

async function fresh(name: (typeof DRIVER_NAMES)[number]): Promise<{ path: string; c: Connection }> {
  const dir = await mkdtemp(join(tmpdir(), 'custodia-driver-'));
  dirs.push(dir);
  const path = join(dir, 'db.sqlite');
  const c = await (await driver(name)).open(path, true);
  open.push(c);
  await c.exec(KEY);
  await c.exec('PRAGMA cipher_page_size = 65536');
  await c.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE, data BLOB, n INTEGER)');
  return { path, c };
}

afterEach(async () => {
  for (const c of open.splice(0)) await c.close().catch(() => undefined);
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

const failure = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a failure'); }, (e: unknown) => e);

describe.each(TESTED_DRIVERS)('driver %s', (name) => {
  it('runs, reads and streams rows with blobs, integers and numbered parameters', async () => {
    const { c } = await fresh(name);
    const blob = Buffer.from([0, 255, 1, 254]);
    expect(await c.run('INSERT INTO t (name, data, n) VALUES (?, ?, ?)', ['ana', blob, 2 ** 53 - 1])).toEqual({ changes: 1, lastID: 1 });
    expect(await c.run('INSERT INTO t (name, data, n) VALUES (?, ?, ?)', ['río ñ', null, 7n])).toEqual({ changes: 1, lastID: 2 });
    expect(await c.run('UPDATE t SET n = n + 1', [])).toMatchObject({ changes: 2 });
    const row = await c.get<{ name: string; data: Buffer; n: number }>('SELECT name, data, n FROM t WHERE id = ?', [1]);
    expect(row?.name).toBe('ana');
    expect(Buffer.isBuffer(row?.data) && row.data.equals(blob)).toBe(true);
    expect(row?.n).toBe(2 ** 53);
    expect(await c.get('SELECT 1 FROM t WHERE id = ?', [99])).toBeUndefined();
    expect(await c.all('SELECT id FROM t WHERE ?1 IS NULL OR id = ?1 ORDER BY id', [null])).toEqual([{ id: 1 }, { id: 2 }]);
    expect(await c.all('SELECT id FROM t WHERE ?1 IS NULL OR id = ?1 ORDER BY id', [2])).toEqual([{ id: 2 }]);
    // Whole numbers bind as INTEGER on both (one binding would make them REAL: "case:1.0").
    expect(await c.get("SELECT typeof(?) AS t, 'case:' || ? AS s, typeof(?) AS r", [1, 1, 1.5])).toEqual({ t: 'integer', s: 'case:1', r: 'real' });
    const seen: string[] = [];
    expect(await c.each<{ name: string }>('SELECT name FROM t ORDER BY id', [], (r) => seen.push(r.name))).toBe(2);
    expect(seen).toEqual(['ana', 'río ñ']);
  });

  it('reports result codes by their primary name, and a failing row callback fails the scan', async () => {
    const { c } = await fresh(name);
    await c.run("INSERT INTO t (name) VALUES ('ana')", []);
    expect(sqliteCode(await failure(c.run("INSERT INTO t (name) VALUES ('ana')", [])))).toBe('SQLITE_CONSTRAINT');
    expect(sqliteCode(await failure(c.exec('SELEC 1')))).toBe('SQLITE_ERROR');
    const boom = await failure(c.each('SELECT name FROM t', [], () => { throw new Error('row refused'); }));
    expect((boom as Error).message).toBe('row refused');
    const big = await failure(c.run('INSERT INTO t (n) VALUES (?)', [2n ** 60n]));
    expect(big).toBeInstanceOf(CustodiaError);
    expect((big as CustodiaError).code).toBe('E_INVALID_INPUT');
  });

  it('rolls back, refuses a wrong key, a missing file and a second holder of the exclusive lock', async () => {
    const { path, c } = await fresh(name);
    await c.exec("BEGIN IMMEDIATE; INSERT INTO t (name) VALUES ('x')");
    await c.exec('ROLLBACK');
    expect(await c.all('SELECT * FROM t', [])).toEqual([]);
    await c.exec('PRAGMA locking_mode = EXCLUSIVE');
    await c.exec('BEGIN EXCLUSIVE; COMMIT');
    const d = await driver(name);
    const second = await d.open(path, false);
    open.push(second);
    await second.exec(KEY);
    expect(sqliteCode(await failure(second.get('SELECT count(*) FROM sqlite_master', [])))).toBe('SQLITE_BUSY');
    await c.close();
    const wrong = await d.open(path, false);
    open.push(wrong);
    await wrong.exec(OTHER_KEY);
    expect(sqliteCode(await failure(wrong.get('SELECT count(*) FROM sqlite_master', [])))).toBe('SQLITE_NOTADB');
    expect(sqliteCode(await failure(d.open(join(path, '..', 'missing.sqlite'), false)))).toBe('SQLITE_CANTOPEN');
    // Encrypted at rest: no SQLite header in the file.
    expect((await readFile(path)).subarray(0, 16).toString('latin1')).not.toContain('SQLite format');
  });
});

describe('choosing a driver', () => {
  it('uses the prebuilt one unless CUSTODIA_DB_DRIVER names another, and refuses a name it does not know', () => {
    expect(chosenDriverName({})).toBe('signal');
    expect(chosenDriverName({ CUSTODIA_DB_DRIVER: ' journeyapps ' })).toBe('journeyapps');
    expect(() => chosenDriverName({ CUSTODIA_DB_DRIVER: 'sqlite3' })).toThrow(expect.objectContaining({ code: 'E_INVALID_INPUT' }));
  });
});
