// What every unlock settles in the objects folder before the session starts: the chunks of a
// vault from before objects are moved out (vault/move-chunks-out.ts, resumable), and objects a
// crash left unnamed are swept (vault/sweep-objects.ts). Both are `storage` custody entries, so
// the log says when evidence bytes changed place and which objects were removed.
import { access } from 'node:fs/promises';
import { appendCustody } from '../custody/custody-log';
import type { Database } from '../vault/database';
import { moveChunksOut, type MoveProgress } from '../vault/move-chunks-out';
import { ObjectStore, objectsPath } from '../vault/object-store';
import { sweepObjects } from '../vault/sweep-objects';

const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

export async function settleObjects(db: Database, o: { path: string; vaultId: string; actor: string; onProgress?: MoveProgress }): Promise<string[]> {
  const startedAt = Date.now();
  const store = new ObjectStore(objectsPath(o.path));
  const notices: string[] = [];
  const moved = await moveChunksOut(db, { store, vaultId: o.vaultId }, {
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    logMoved: async (tx, m) => {
      await appendCustody(tx, { actor: o.actor, action: 'storage', subject: 'vault', details: { change: 'chunks_moved_out', items: m.items, bytes: m.bytes } });
    },
  });
  if (moved && moved.items > 0) notices.push(`the evidence of ${moved.items} items (${moved.bytes} bytes) was moved out of the database into ${store.dir}`);
  const swept = await sweepObjects(db, store, {
    before: startedAt,
    logSwept: async (tx, objects) => {
      await appendCustody(tx, { actor: o.actor, action: 'storage', subject: 'vault', details: { change: 'objects_swept', objects } });
    },
  });
  if (swept.length > 0) {
    notices.push(`${swept.length} objects an interrupted command left unreferenced were removed from ${store.dir}`);
  }
  // A copy made by the old advice (FILE and FILE.keys only) opens, but holds no evidence.
  if (!(await exists(store.dir)) && (await db.get('SELECT 1 AS x FROM evidence_objects LIMIT 1'))) {
    notices.push(`the evidence objects folder ${store.dir} is missing: no evidence can be read until it is put back beside the vault (copy all three: ${o.path}, its .keys and its .objects folder)`);
  }
  return notices;
}
