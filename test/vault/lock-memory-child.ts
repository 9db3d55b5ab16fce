// A long-running process like the app's main process: unlock, write and read an incident, lock,
// then stay alive so the test can look at its memory. Bundled and run by lock-memory.test.ts.
import { writeFileSync } from 'node:fs';
import { writeHeapSnapshot } from 'node:v8';
import { createVault, openVault, sessionKey } from '../../main/accounts/vault-session';
import { addCase } from '../../main/records/cases';
import { addIncident } from '../../main/records/incidents';
import { getIncident } from '../../main/records/incident-queries';
import { wipeFreedMemory } from '../../main/vault/keyed-database';

const [path, keyOut, snapshotOut] = process.argv.slice(2) as [string, string, string];
const kdf = { alg: 'scrypt', N: 2 ** 14, r: 8, p: 1 } as const;
// As the app's main process does at start.
wipeFreedMemory();

async function session(): Promise<void> {
  const passphrase = process.env.CUSTODIA_PASSPHRASE ?? '';
  // From the environment, not argv: argv stays in the heap for the life of the process.
  const marker = process.env.MARKER ?? '';
  (await createVault({ path, user: 'ana', passphrase, kdf })).close();
  const s = await openVault({ path, user: 'ana', passphrase });
  // Raw bytes straight from the session's buffer: no string copy of the key in this process.
  writeFileSync(keyOut, sessionKey(s));
  const c = await addCase(s, { title: `caso ${marker}` });
  const added = await addIncident(s, c.id, {
    occurredAt: '2026-10-02T18:30:00-05:00', place: 'Tambopata', channel: 'phone', riskLevel: 'high', type: 'threat',
    verbatim: `te vamos a desaparecer ${marker}`,
  });
  await getIncident(s, added.id);
  await s.close();
}

await session();
(globalThis as { gc?: () => void }).gc?.();
writeHeapSnapshot(snapshotOut);
process.stdout.write('locked\n');
// Stays alive until the test has taken its core dump and kills it.
setInterval(() => undefined, 1000);
