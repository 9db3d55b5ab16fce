// When this vault was last backed up, from its own custody log: each finished backup appends an
// entry saying so (the one before the snapshot cannot know whether the backup will finish).
import type { Database } from '../vault/database';
import { MANIFEST_FORMAT } from './manifest';

export interface LastBackup {
  at: string;
  sequence: number;
}

export async function lastBackup(db: Database): Promise<LastBackup | null> {
  const rows = await db.all<{ entry: string }>("SELECT entry FROM custody_log WHERE action = 'export' AND subject = 'vault' ORDER BY seq DESC LIMIT 50");
  for (const { entry } of rows) {
    const e = JSON.parse(entry) as { at: string; details: { format?: unknown; sequence?: unknown; completed?: unknown } };
    if (e.details.format === MANIFEST_FORMAT && e.details.completed === true && typeof e.details.sequence === 'number') return { at: e.at, sequence: e.details.sequence };
  }
  return null;
}
