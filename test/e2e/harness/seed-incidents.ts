// Seeds a vault with many incidents through the core's own services, for the list and search
// timings. Run as: node --import tsx test/e2e/harness/seed-incidents.ts VAULT COUNT
// Only the seeding session turns off fsync; the vault the test opens is an ordinary one.
import { existsSync, renameSync } from 'node:fs';
import { INCIDENT_TYPES, RISK_LEVELS, CHANNELS } from '../../../shared/incident/incident-schema';
import { addCase } from '../../../main/records/cases';
import { addIncident } from '../../../main/records/incidents';
import { createVault } from '../../../main/vault/vault-session';
import { PERF_PASSPHRASE, PERF_USER } from './paths';


const PLACES = ['Tres Islas', 'Boca Pariamanu', 'Infierno', 'Palma Real', 'Sonene', 'Kotsimba', 'San Jacinto', 'Puerto Arturo'];
const WORDS = ['minero', 'maderero', 'moto', 'camioneta', 'fiscalía', 'guardaparques', 'río', 'chacra', 'carretera', 'noche'];

async function seed(path: string, count: number): Promise<void> {
  const partial = `${path}.partial`;
  const s = await createVault({ path: partial, user: PERF_USER, passphrase: PERF_PASSPHRASE, kdf: { alg: 'scrypt', N: 16384, r: 8, p: 1 } as never });
  await s.db.get('PRAGMA synchronous = OFF');
  const cases = [];
  for (let c = 0; c < 20; c++) cases.push((await addCase(s, { title: `Caso ${c + 1}: ${PLACES[c % PLACES.length]}` })).id);
  for (let i = 0; i < count; i++) {
    const day = new Date(Date.UTC(2024, 0, 1) + (i % 730) * 86_400_000).toISOString().slice(0, 10);
    await addIncident(s, cases[i % cases.length]!, {
      occurredAt: `${day}T${String(6 + (i % 14)).padStart(2, '0')}:15:00-05:00`,
      place: `Comunidad nativa ${PLACES[i % PLACES.length]}, Tambopata`,
      channel: CHANNELS[i % CHANNELS.length]!,
      verbatim: `Amenaza ${i}: ${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]} ${i % 997 === 0 ? 'desaparecer' : 'callar'}`,
      riskLevel: RISK_LEVELS[i % 3]!,
      type: INCIDENT_TYPES[i % INCIDENT_TYPES.length]!,
    });
    if (i % 5000 === 0) process.stdout.write(`seeded ${i}/${count}\n`);
  }
  await s.close();
  renameSync(partial, path);
  renameSync(`${partial}.keys`, `${path}.keys`);
}

const [path, count] = process.argv.slice(2);
if (path && count && !existsSync(path)) await seed(path, Number(count));
