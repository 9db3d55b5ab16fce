// Objects no row names are what a crash left between writing an object and committing its row
// (vault/object-store.ts). They are removed at unlock, when no other process can be writing
// (the vault's exclusive lock), and only if older than the unlock, with what tmp/ holds. The
// removal is logged first: a crash after the entry leaves objects the next unlock sweeps again.
import type { Database } from './database';
import type { ObjectStore } from './object-store';

export async function unreferencedObjects(db: Database, store: ObjectStore): Promise<string[]> {
  const named = new Set((await db.all<{ name: string }>('SELECT DISTINCT name FROM evidence_objects')).map((r) => r.name));
  return (await store.list()).filter((name) => !named.has(name));
}

/** Removes the objects no row names that were written before `before` (ms); returns their names. */
export async function sweepObjects(db: Database, store: ObjectStore, o: { before: number; logSwept: (tx: Database, names: string[]) => Promise<void> }): Promise<string[]> {
  await store.clearTemp();
  const names: string[] = [];
  for (const name of await unreferencedObjects(db, store)) {
    const at = await store.writtenAt(name);
    if (at !== undefined && at < o.before) names.push(name);
  }
  if (names.length === 0) return names;
  await db.transaction((tx) => o.logSwept(tx, names));
  for (const name of names) await store.remove(name);
  await store.flush();
  return names;
}
