// T1/T7 a key slot's KDF cost must lie in a range: an edited header (p=64 hung unlock for 29 s;
// N=2^24 ended in E_INTERNAL with the integrity exit code) is refused with E_KDF_PARAMS before
// any KDF work, and a slot cannot be made weaker than the floor.
import { readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_KDF, KDF_RANGE, checkKdfParams, type KdfParams } from '../../main/vault/kdf';
import { headerPath } from '../../main/vault/header-file';
import { openVault } from '../../main/accounts/vault-session';
import { buildCli, runCli } from '../cli/cli-harness';
import { CHEAP_KDF, errorCode, PASSPHRASE, tempVault, type TempVault } from './fixture';

let v: TempVault;
let cli: string;

beforeAll(async () => {
  v = await tempVault();
  await v.session.close();
  cli = await buildCli();
});
afterAll(() => v.cleanup());

async function withSlotKdf(kdf: Partial<KdfParams>): Promise<() => Promise<void>> {
  const original = await readFile(headerPath(v.path), 'utf8');
  const header = JSON.parse(original) as { slots: Array<{ kdf: KdfParams }> };
  header.slots[0]!.kdf = { ...header.slots[0]!.kdf, ...kdf };
  await writeFile(headerPath(v.path), JSON.stringify(header));
  return () => writeFile(headerPath(v.path), original);
}

const cpuSeconds = (from: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1e6;
};

describe('T1/T7 KDF parameters of a key slot lie in a range', () => {
  it('accepts the default and the floor, refuses everything outside', () => {
    expect(checkKdfParams(DEFAULT_KDF)).toEqual(DEFAULT_KDF);
    expect(checkKdfParams(CHEAP_KDF)).toEqual(CHEAP_KDF);
    expect(checkKdfParams({ alg: 'scrypt', N: KDF_RANGE.maxN, r: 8, p: KDF_RANGE.maxP })).toBeDefined();
    for (const bad of [
      { N: 2 ** 24 }, { N: 2 ** 13 }, { N: 3 * 2 ** 15 }, { N: 2 ** 17 + 0.5 }, { r: 1 }, { r: 17 }, { p: 0 }, { p: 64 },
      { N: 2 ** 20, r: 16 }, { alg: 'argon2' as 'scrypt' }, { N: Number.NaN }, { p: 2 ** 53 },
    ]) {
      expect(() => checkKdfParams({ ...DEFAULT_KDF, ...bad }), JSON.stringify(bad)).toThrow(expect.objectContaining({ code: 'E_KDF_PARAMS' }));
    }
  });

  it.each([
    ['p=64', { p: 64 }],
    ['N=2^24', { N: 2 ** 24 }],
    ['r=1 (weaker than the floor)', { r: 1 }],
  ])('refuses a slot edited to %s before deriving anything', async (_label, kdf) => {
    const restore = await withSlotKdf(kdf);
    try {
      const before = process.cpuUsage();
      expect(await errorCode(openVault({ path: v.path, user: 'ana', passphrase: PASSPHRASE }))).toBe('E_KDF_PARAMS');
      // No scrypt ran: a single derivation at these costs takes seconds of CPU.
      expect(cpuSeconds(before)).toBeLessThan(0.5);
      const r = runCli(cli, ['case', 'list', '--vault', v.path, '--user', 'ana', '--json'], { CUSTODIA_PASSPHRASE: PASSPHRASE });
      expect(r.stderr).toMatch(/^error E_KDF_PARAMS:/);
      expect(r.status).toBe(4);
    } finally {
      await restore();
    }
    await (await openVault({ path: v.path, user: 'ana', passphrase: PASSPHRASE })).close();
  });
});
