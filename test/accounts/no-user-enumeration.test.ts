// T1, T3: an unknown user name and a wrong passphrase are indistinguishable at unlock: the same
// code, the same message but for the name, and the same work (one scrypt run with the vault's own
// parameters). The work is counted on node's scrypt itself, called through, not timed.
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { CustodiaError } from '../../shared/errors/error-codes';
import { removeUser } from '../../main/accounts/users';
import { openVault } from '../../main/accounts/vault-session';
import { addRoleUsers, CHEAP_KDF, PASSPHRASE, tempVault, type TempVault } from '../vault/fixture';

const nodeCrypto = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');

interface Attempt {
  error: CustodiaError;
  /** {N, r, p} of every scrypt run the attempt made. */
  kdfRuns: Array<{ N?: number; r?: number; p?: number }>;
}

/** Opens the vault as `user`, expecting a refusal, and records each scrypt run on the way. */
async function attempt(path: string, user: string, passphrase: string): Promise<Attempt> {
  const real = nodeCrypto.scrypt;
  const kdfRuns: Attempt['kdfRuns'] = [];
  nodeCrypto.scrypt = ((password, salt, keylen, options, callback) => {
    const o = options as { N?: number; r?: number; p?: number };
    kdfRuns.push({ N: o.N, r: o.r, p: o.p });
    return real(password, salt, keylen, options as never, callback as never);
  }) as typeof real;
  syncBuiltinESMExports();
  try {
    const error: unknown = await openVault({ path, user, passphrase }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(CustodiaError);
    return { error: error as CustodiaError, kdfRuns };
  } finally {
    nodeCrypto.scrypt = real;
    syncBuiltinESMExports();
  }
}

const shape = (a: Attempt, name: string): string => `${a.error.code}: ${a.error.message.replaceAll(name, 'NAME')}`;

let v: TempVault | undefined;
afterEach(async () => {
  await v?.cleanup();
  v = undefined;
});

describe('T1/T3 no user enumeration at unlock', () => {
  it('an unknown user and a wrong passphrase give the same code and message shape, and run the same KDF once', async () => {
    v = await tempVault();
    await v.session.close();
    const wrong = await attempt(v.path, 'ana', 'not the passphrase at all');
    const unknown = await attempt(v.path, 'mallory', PASSPHRASE);
    expect(wrong.error.code).toBe('E_BAD_PASSPHRASE');
    expect(shape(unknown, 'mallory')).toBe(shape(wrong, 'ana'));
    const cost = { N: CHEAP_KDF.N, r: CHEAP_KDF.r, p: CHEAP_KDF.p };
    expect(wrong.kdfRuns).toEqual([cost]);
    expect(unknown.kdfRuns).toEqual([cost]);
  });

  it('a removed user is refused like a wrong passphrase, after the same work', async () => {
    v = await tempVault();
    await addRoleUsers(v);
    await removeUser(v.session, 'lex');
    await v.session.close();
    const removed = await attempt(v.path, 'lex', PASSPHRASE);
    const wrong = await attempt(v.path, 'doc', 'not the passphrase at all');
    expect(shape(removed, 'lex')).toBe(shape(wrong, 'doc'));
    expect(removed.kdfRuns).toEqual(wrong.kdfRuns);
    expect(removed.kdfRuns).toHaveLength(1);
  });
});
