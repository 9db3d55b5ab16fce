import { describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { appendCustody } from '../../main/custody/custody-log';
import { importEvidence } from '../../main/evidence/import-evidence';
import { tamperMatrix, insiderChange, verifyCodes } from './tamper-matrix';
import { ATTACK_CASES } from './tamper-cases-attacks';
import { populatedVault } from './tamper-fixture';

tamperMatrix('the attacks issue 10 lists', ATTACK_CASES);

describe('T3: ids are never reused after an insider deletes a record', () => {
  it('gives the next evidence item a fresh id after the highest one was deleted with SQL, and still reports the deleted one', async () => {
    const v = await populatedVault();
    try {
      await insiderChange(v.session.db, `DELETE FROM evidence_objects WHERE evidence_id = ${v.evidenceId}; DELETE FROM evidence WHERE id = ${v.evidenceId}`);
      const file = join(v.dir, 'otra.txt');
      await writeFile(file, 'otra prueba');
      const { id } = await importEvidence(v.session, v.incidentId, file, { method: 'received', from: 'Defensora B' });
      expect(id).toBe(v.evidenceId + 1);
      // Its objects are left unnamed in this session; the next unlock sweeps them.
      expect(await verifyCodes(v.session)).toEqual(['E_OBJECT_ORPHAN', 'E_RECORD_MISSING']);
      expect(await verifyCodes(v.session, v.checkpoint)).toEqual(['E_OBJECT_ORPHAN', 'E_RECORD_MISSING']);
    } finally {
      await v.cleanup();
    }
  });

  it('names an id the log gives to two records (E_ID_REUSED), as a max(id)+1 allocation after a deletion did', async () => {
    const v = await populatedVault();
    try {
      const first = await v.session.db.get<{ entry: string }>("SELECT entry FROM custody_log WHERE action = 'seal' ORDER BY seq LIMIT 1");
      const sealed = JSON.parse(first?.entry ?? '{}') as { details: Record<string, unknown> };
      // The item's rows stay; the insider's second seal entry, properly chained, claims its id for another item.
      await v.session.db.transaction((tx) => appendCustody(tx, { actor: 'ana', action: 'seal', subject: `evidence:${v.evidenceId}`, details: sealed.details }));
      expect(await verifyCodes(v.session)).toEqual(['E_ID_REUSED']);
      expect(await verifyCodes(v.session, v.checkpoint)).toEqual(['E_ID_REUSED']);
    } finally {
      await v.cleanup();
    }
  });
});
