// Seeds a vault with many incidents through the core's bulk import (one transaction and one
// custody batch per 10,000), for the list and search timings. Prints how long seeding took.
// Run as: node --import tsx test/e2e/harness/seed-incidents.ts VAULT COUNT
// Only the seeding session turns off fsync; the vault the test opens is an ordinary one.
import { existsSync, renameSync } from 'node:fs';
import { INCIDENT_TYPES, RISK_LEVELS, CHANNELS } from '../../../shared/incident/incident-schema';
import { importIncidents } from '../../../main/records/bulk-import';
import { addCase } from '../../../main/records/cases';
import { createVault } from '../../../main/accounts/vault-session';
import { PERF_PASSPHRASE, PERF_USER } from './paths';

const PLACES = ['Tres Islas', 'Boca Pariamanu', 'Infierno', 'Palma Real', 'Sonene', 'Kotsimba', 'San Jacinto', 'Puerto Arturo'];
const WORDS = ['minero', 'maderero', 'moto', 'camioneta', 'fiscalía', 'guardaparques', 'río', 'chacra', 'carretera', 'noche'];
const CASES = 20;
const BATCH = 10_000;

function incident(i: number) {
  const day = new Date(Date.UTC(2024, 0, 1) + (i % 730) * 86_400_000).toISOString().slice(0, 10);
  return {
    occurredAt: `${day}T${String(6 + (i % 14)).padStart(2, '0')}:15:00-05:00`,
    place: `Comunidad nativa ${PLACES[i % PLACES.length]}, Tambopata`,
    channel: CHANNELS[i % CHANNELS.length]!,
    verbatim: `Amenaza ${i}: ${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]} ${i % 997 === 0 ? 'desaparecer' : 'callar'}`,
    riskLevel: RISK_LEVELS[i % 3]!,
    type: INCIDENT_TYPES[i % INCIDENT_TYPES.length]!,
    // One in four was reported, so the "not reported" filter and count have something to show.
    ...(i % 4 === 0 ? { reportedTo: [{ authority: 'police', reference: `Denuncia ${i}-2025`, on: day, status: 'filed' }] } : {}),
  };
}

async function seed(path: string, count: number): Promise<void> {
  const t0 = performance.now();
  const partial = `${path}.partial`;
  const s = await createVault({ path: partial, user: PERF_USER, passphrase: PERF_PASSPHRASE, kdf: { alg: 'scrypt', N: 16384, r: 8, p: 1 } as never });
  await s.db.get('PRAGMA synchronous = OFF');
  // 64 KiB pages: SQLite's default 2 MiB cache holds 32 of them, so every batch re-reads (and
  // decrypts) the growing indexes' pages. A 256 MiB cache keeps them for this one-off session.
  await s.db.get('PRAGMA cache_size = -262144');
  const cases: number[] = [];
  for (let c = 0; c < CASES; c++) cases.push((await addCase(s, { title: `Caso ${c + 1}: ${PLACES[c % PLACES.length]}` })).id);
  // Each batch goes to one case; incident i still falls under case i % CASES as before.
  for (let start = 0; start < count; start += BATCH) {
    for (let c = 0; c < CASES; c++) {
      const batch: unknown[] = [];
      for (let i = start + c; i < Math.min(start + BATCH, count); i += CASES) batch.push(incident(i));
      if (batch.length) await importIncidents(s, cases[c]!, batch);
    }
    process.stdout.write(`seeded ${Math.min(start + BATCH, count)}/${count}\n`);
  }
  await s.close();
  renameSync(partial, path);
  renameSync(`${partial}.keys`, `${path}.keys`);
  process.stdout.write(`[perf] seeded ${count} incidents by bulk import in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}

const [path, count] = process.argv.slice(2);
if (path && count && !existsSync(path)) await seed(path, Number(count));
