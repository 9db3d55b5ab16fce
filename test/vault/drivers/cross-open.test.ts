// One file format, two bindings: a vault created and filled by either driver is opened, changed
// and fully verified by the other, in both directions (a user may switch drivers, or an office
// may open with one what a laptop wrote with the other).
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyLog } from '../../../main/audit/verify-log';
import { readEvidence } from '../../../main/evidence/read-evidence';
import { addIncident } from '../../../main/records/incidents';
import { getIncident } from '../../../main/records/incident-queries';
import type { DriverName } from '../../../main/vault/drivers/connection';
import { importFile, withIncident } from '../../evidence/fixtures';
import { INCIDENT, tempVault, type TempVault } from '../fixture';
import { BOTH_DRIVERS } from './available-drivers';

const before = process.env.CUSTODIA_DB_DRIVER;
const use = (name: DriverName) => { process.env.CUSTODIA_DB_DRIVER = name; };
let vault: TempVault | undefined;
// Evidence and copies live beside the vault's folder, which must hold only the vault's files.
let side: string | undefined;

afterEach(async () => {
  if (before === undefined) delete process.env.CUSTODIA_DB_DRIVER;
  else process.env.CUSTODIA_DB_DRIVER = before;
  await vault?.cleanup();
  vault = undefined;
  if (side) await rm(side, { recursive: true, force: true });
});

describe.skipIf(!BOTH_DRIVERS).each([['journeyapps', 'signal'], ['signal', 'journeyapps']] as const)('written by %s, opened by %s', (writer, reader) => {
  it('opens, changes and verifies the other driver\'s vault, then back', async () => {
    use(writer);
    const v = (vault = await tempVault());
    const incidentId = await withIncident(v.session);
    side = await mkdtemp(join(tmpdir(), 'custodia-cross-'));
    const file = join(side, 'evidence.bin');
    await writeFile(file, Buffer.alloc(300_000, 7));
    const item = await importFile(v.session, incidentId, file);
    expect((await verifyLog(v.session)).ok).toBe(true);

    use(reader);
    const s = await v.open();
    expect((await getIncident(s, incidentId)).incident.verbatim).toBe(INCIDENT.verbatim);
    const copy = join(side, 'copy.bin');
    await readEvidence(s, item.id, copy, { purpose: 'cross-open check' });
    expect((await readFile(copy)).equals(item.bytes)).toBe(true);
    const caseRow = await s.db.get<{ case_id: number }>('SELECT case_id FROM incidents WHERE id = ?', [incidentId]);
    const second = await addIncident(s, caseRow?.case_id ?? 0, { ...INCIDENT, place: `escrito por ${reader}` });
    const report = await verifyLog(s);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);

    use(writer);
    const back = await v.open();
    expect((await getIncident(back, second.id)).incident.place).toBe(`escrito por ${reader}`);
    expect((await verifyLog(back)).ok).toBe(true);
  }, 60_000);
});
