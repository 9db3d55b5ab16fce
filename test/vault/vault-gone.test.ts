// T9 a vault file deleted or replaced under a running command: SQLite would keep writing into
// the unlinked file and every commit "succeed". The commit and the close now fail loudly with
// E_VAULT_GONE, so nothing is acknowledged that no one can open again.
import { copyFile, rename, rm, unlink } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importIncidents } from '../../main/records/bulk-import';
import { addCase } from '../../main/records/cases';
import { INCIDENT, errorCode, tempVault, type TempVault } from './fixture';

let v: TempVault;
beforeEach(async () => {
  v = await tempVault();
});
afterEach(() => v.cleanup());

describe('T9 a vault file that disappears under a command', () => {
  it('an import after the vault file was deleted fails with E_VAULT_GONE instead of reporting success', async () => {
    const c = await addCase(v.session, { title: 'Caso' });
    await unlink(v.path);
    expect(await errorCode(importIncidents(v.session, c.id, [INCIDENT, INCIDENT]))).toBe('E_VAULT_GONE');
    expect(await errorCode(v.session.close())).toBe('E_VAULT_GONE');
  });

  it('a vault file replaced by another one (a different inode) is refused the same way', async () => {
    const c = await addCase(v.session, { title: 'Caso' });
    await copyFile(v.path, `${v.path}.copy`);
    await rename(`${v.path}.copy`, v.path);
    expect(await errorCode(importIncidents(v.session, c.id, [INCIDENT]))).toBe('E_VAULT_GONE');
    await rm(`${v.path}-wal`, { force: true });
  });

  it('a vault left in place commits and closes as before', async () => {
    const c = await addCase(v.session, { title: 'Caso' });
    expect((await importIncidents(v.session, c.id, [INCIDENT])).ids).toEqual([1]);
    await v.session.close();
  });
});
