// Run by disk-full.test.ts inside its own mount namespace, on a small tmpfs mounted at argv[2]:
// fills the disk with an import and prints what the vault holds afterwards, as one JSON line.
import { randomBytes } from 'node:crypto';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createVault } from '../../main/accounts/vault-session';
import { verifyLog } from '../../main/audit/verify-log';
import { importEvidence } from '../../main/evidence/import-evidence';
import { addCase } from '../../main/records/cases';
import { addIncident } from '../../main/records/incidents';

const [, , small = '', outside = ''] = process.argv;
const CHEAP = { alg: 'scrypt', N: 16384, r: 8, p: 1 } as const;

const objectFiles = async (dir: string): Promise<number> =>
  (await readdir(dir, { recursive: true })).filter((n) => /[0-9a-f]{64}$/.test(n)).length;

const s = await createVault({ path: join(small, 'v.custodia'), user: 'ana', passphrase: 'a passphrase for the full disk', kdf: CHEAP });
const c = await addCase(s, { title: 'disco lleno' });
const inc = await addIncident(s, c.id, { occurredAt: '2026-10-02T18:30:00-05:00', place: 'x', channel: 'phone', verbatim: '', riskLevel: 'low', type: 'threat' });
const big = join(outside, 'big.bin');
await writeFile(big, randomBytes(64 * 1024 * 1024));
const code = await importEvidence(s, inc.id, big, { method: 'other' }).then(() => 'stored', (e: { code?: string }) => e.code ?? String(e));
const after = {
  code,
  items: (await s.db.get<{ n: number }>('SELECT count(*) AS n FROM evidence'))?.n,
  rows: (await s.db.get<{ n: number }>('SELECT count(*) AS n FROM evidence_objects'))?.n,
  files: await objectFiles(join(small, 'v.custodia.objects')),
  leftInTmp: (await readdir(join(small, 'v.custodia.objects', 'tmp'))).length,
};
const note = join(outside, 'note.txt');
await writeFile(note, 'amenaza por teléfono');
const next = await importEvidence(s, inc.id, note, { method: 'other' }).then((r) => r.bytes, (e: { code?: string }) => e.code);
const report = await verifyLog(s);
await s.close();
console.log(JSON.stringify({ ...after, next, problems: report.problems.map((p) => p.code) }));
