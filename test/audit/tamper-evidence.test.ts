import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, readFile, unlink, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tamperMatrix, verifyCodes } from './tamper-matrix';
import { EVIDENCE_CASES } from './tamper-cases-evidence';
import { buildTemplate, copyOf, IDS, type TamperTemplate, type VaultCopy } from './tamper-vault';
import { vaultObjects } from '../../main/evidence/vault-objects';
import { ObjectStore } from '../../main/vault/object-store';
import type { ErrorCode } from '../../shared/errors/error-codes';

tamperMatrix('evidence', EVIDENCE_CASES);

async function objectPath(copy: VaultCopy, evidenceId: number, seq: number): Promise<string> {
  const row = await copy.session.db.get<{ name: string }>('SELECT name FROM evidence_objects WHERE evidence_id = ? AND seq = ?', [evidenceId, seq]);
  return vaultObjects(copy.session).store.pathOf(row?.name ?? '');
}

/** Someone with the folder but not the database key: they can delete, flip, copy or add files. */
const OBJECT_CASES: { what: string; change: (copy: VaultCopy) => Promise<void>; codes: ErrorCode[] }[] = [
  { what: 'an object deleted', change: async (c) => unlink(await objectPath(c, IDS.textEvidence, 1)), codes: ['E_OBJECT_MISSING'] },
  {
    what: 'one byte of an object flipped',
    change: async (c) => {
      const path = await objectPath(c, IDS.photo, 0);
      const bytes = await readFile(path);
      bytes[bytes.length >> 1] = (bytes[bytes.length >> 1] ?? 0) ^ 0x01;
      await writeFile(path, bytes);
    },
    codes: ['E_OBJECT_ALTERED'],
  },
  {
    what: "an object swapped with another item's (the files' contents exchanged)",
    change: async (c) => {
      const [a, b] = [await objectPath(c, IDS.textEvidence, 0), await objectPath(c, IDS.exhibit, 0)];
      const [bytesA, bytesB] = [await readFile(a), await readFile(b)];
      await writeFile(a, bytesB);
      await writeFile(b, bytesA);
    },
    codes: ['E_OBJECT_ALTERED'],
  },
  {
    what: "an object replaced by a copy of another item's, under its own name",
    change: async (c) => copyFile(await objectPath(c, IDS.deletedEvidence, 0), await objectPath(c, IDS.textEvidence, 0)),
    codes: ['E_OBJECT_ALTERED'],
  },
];

describe('T3 tamper matrix: evidence objects on disk', () => {
  let template: TamperTemplate;
  beforeAll(async () => {
    template = await buildTemplate();
  }, 60_000);
  afterAll(async () => template?.cleanup());

  for (const c of OBJECT_CASES) {
    it(`T3: ${c.what} → ${c.codes.join(', ')}`, async () => {
      const copy = await copyOf(template);
      try {
        await c.change(copy);
        await copy.reopen();
        expect(await verifyCodes(copy.session)).toEqual(c.codes);
        expect(await verifyCodes(copy.session, copy.checkpoint)).toEqual(c.codes);
      } finally {
        await copy.cleanup();
      }
    });
  }

  it('T3/T9: an object planted in the folder is an orphan for log verify, and the next unlock sweeps it with a storage entry', async () => {
    const copy = await copyOf(template);
    try {
      const planted = await new ObjectStore(vaultObjects(copy.session).store.dir).put(randomBytes(5000));
      expect(await verifyCodes(copy.session)).toEqual(['E_OBJECT_ORPHAN']);
      await copy.reopen();
      expect(await verifyCodes(copy.session)).toEqual([]);
      const entry = await copy.session.db.get<{ entry: string }>("SELECT entry FROM custody_log WHERE action = 'storage' ORDER BY seq DESC LIMIT 1");
      expect(JSON.parse(entry?.entry ?? '{}').details).toEqual({ change: 'objects_swept', objects: [planted] });
      expect(copy.session.notices.some((n) => n.includes('unreferenced were removed'))).toBe(true);
    } finally {
      await copy.cleanup();
    }
  });
});
