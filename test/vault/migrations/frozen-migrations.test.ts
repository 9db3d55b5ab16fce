// Migrations are frozen: each imports only the database type and SQL, so an old vault migrates
// the same way whatever the records code becomes. A vault made by the first release's
// migrations (001–005), with records in it, migrates to exactly the schema of a new vault, and
// migration 004's SQL backfill builds the list index the records code expects.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../main/vault/database';
import { openKeyedDatabase } from '../../../main/vault/keyed-database';
import { migrate } from '../../../main/vault/migrate';
import { migrations } from '../../../main/vault/migrations';
import { staleIndexRows } from '../../../main/records/incident-index';

const FIRST_RELEASE = 5;
const dirs: string[] = [];

async function freshDb(): Promise<Database> {
  const dir = await mkdtemp(join(tmpdir(), 'custodia-migrate-'));
  dirs.push(dir);
  return openKeyedDatabase({ path: join(dir, 'v.db'), key: randomBytes(32), pageSize: 65536, create: true });
}

async function schema(db: Database): Promise<string[]> {
  const rows = await db.all<{ type: string; name: string; sql: string | null }>(
    "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name");
  return rows.map((r) => `${r.type} ${r.name}: ${(r.sql ?? '').replace(/\s+/g, ' ')}`);
}

afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

describe('frozen migrations', () => {
  it('import nothing but the database type, the migration type and SQL helpers', async () => {
    const dir = join(process.cwd(), 'main/vault/migrations');
    for (const file of (await readdir(dir)).filter((f) => f.endsWith('.ts'))) {
      const imports = [...(await readFile(join(dir, file), 'utf8')).matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      for (const spec of imports) expect(spec, `${file} imports ${spec}`).toMatch(/^\.\/(migration|sealed-table|[0-9]{3}-[a-z-]+)$|^\.\.\/database$/);
    }
  });

  it('a first-release vault with records migrates to the schema of a new vault, with its list index built by SQL', async () => {
    const fresh = await freshDb();
    await migrate(fresh);

    const old = await freshDb();
    await migrate(old, migrations.slice(0, 3));
    await old.transaction(async (tx) => {
      await tx.run("INSERT INTO users (name, role, created_at, created_by) VALUES ('ana', 'admin', 't', 'ana')");
      await tx.run("INSERT INTO cases (id, title, created_at, created_by) VALUES (1, 'c', 't', 'ana')");
      const bodies = [
        { occurredAt: '2026-10-02T18:30:00-05:00', place: 'Tambopata', channel: 'phone', verbatim: 'v', riskLevel: 'high', type: 'threat', reportedTo: [{ authority: 'police' }] },
        { occurredAt: '2026-01-31T23:59:59.5+09:30', place: 'Inambari', channel: 'email', verbatim: '', riskLevel: 'low', type: 'harassment' },
        { occurredAt: '2025-12-31T20:00:00Z', place: 'Puerto', channel: 'other', verbatim: 'x', riskLevel: 'medium', type: 'other', reportedTo: [] },
      ];
      for (const [i, body] of bodies.entries()) {
        await tx.run("INSERT INTO incidents (id, case_id, created_at, created_by) VALUES (?, 1, 't', 'ana')", [i + 1]);
        await tx.run("INSERT INTO incident_versions (incident_id, version, body, sha256, saved_at, saved_by) VALUES (?, 1, ?, ?, 't', 'ana')",
          [i + 1, JSON.stringify(body), `h${i}`]);
      }
      await tx.run("INSERT INTO tombstones (subject_type, subject_id, reason, deleted_at, deleted_by) VALUES ('incident', 3, 'r', 't', 'ana')");
    });
    await migrate(old, migrations.slice(0, FIRST_RELEASE));
    await migrate(old);
    // The records code (which reads the later migrations' views) finds the index 004 built right.
    expect(await staleIndexRows(old)).toEqual([]);
    const rows = await old.all<{ incident_id: number; occurred_utc: string; reported: number; deleted: number }>(
      'SELECT incident_id, occurred_utc, reported, deleted FROM incident_index ORDER BY incident_id');
    expect(rows).toEqual([
      { incident_id: 1, occurred_utc: '2026-10-02T23:30:00.000Z', reported: 1, deleted: 0 },
      { incident_id: 2, occurred_utc: '2026-01-31T14:29:59.500Z', reported: 0, deleted: 0 },
      { incident_id: 3, occurred_utc: '2025-12-31T20:00:00.000Z', reported: 0, deleted: 1 },
    ]);
    expect(await schema(old)).toEqual(await schema(fresh));
    await Promise.all([fresh.close(), old.close()]);
  });
});
