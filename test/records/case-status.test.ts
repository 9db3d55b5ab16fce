// Closing and reopening a case: a history of status rows, each a custody entry committing to the
// case's content, so a status flipped behind the log's back is found by log verify (T3).
import { afterEach, describe, expect, it } from 'vitest';
import { addCase, listCases, setCaseStatus } from '../../main/records/cases';
import { verifyLog } from '../../main/audit/verify-log';
import { addRoleUsers, custodyActions, errorCode, tempVault, type TempVault } from '../vault/fixture';
import { tamper } from '../audit/tamper-fixture';

let v: TempVault | undefined;
afterEach(async () => {
  await v?.cleanup();
  v = undefined;
});

describe('case status', () => {
  it('closes and reopens a case, each change a custody entry, and the vault still verifies', async () => {
    v = await tempVault();
    const { id, sha256: created } = await addCase(v.session, { title: 'Amenazas km 108' });
    expect((await listCases(v.session))[0]).toMatchObject({ id, status: 'open' });
    const closed = await setCaseStatus(v.session, id, 'closed');
    expect(closed.sha256).not.toBe(created);
    expect((await listCases(v.session))[0]).toMatchObject({ status: 'closed' });
    expect(await setCaseStatus(v.session, id, 'closed')).toEqual(closed);
    const reopened = await setCaseStatus(v.session, id, 'open');
    expect(reopened.sha256).toBe(created);
    expect((await custodyActions(v.session)).filter((a) => a === 'case_edit')).toHaveLength(2);
    expect((await verifyLog(v.session)).problems).toEqual([]);
  });

  it('T3: finds a case reopened directly with SQL', async () => {
    v = await tempVault();
    const { id } = await addCase(v.session, { title: 'Caso' });
    await setCaseStatus(v.session, id, 'closed');
    await tamper(v.session.db, `DELETE FROM case_status WHERE case_id = ${id}`);
    expect((await verifyLog(v.session)).problems.map((p) => p.code)).toEqual(['E_RECORD_HASH_MISMATCH']);
  });

  it('refuses roles that may not write records, and unknown cases', async () => {
    v = await tempVault();
    const { id } = await addCase(v.session, { title: 'Caso' });
    await addRoleUsers(v);
    expect(await errorCode(setCaseStatus(v.session, 999, 'closed'))).toBe('E_NOT_FOUND');
    const lex = await v.open('lex');
    expect(await errorCode(setCaseStatus(lex, id, 'closed'))).toBe('E_FORBIDDEN');
  });
});
