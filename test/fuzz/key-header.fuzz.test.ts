// T7 fuzzed key headers (`<vault>.keys`, plaintext beside the vault): byte mutations and
// field-level edits of a real header. Reading it and unwrapping a slot answer the key or a
// stable code (a bad header, an out-of-range KDF cost, an unknown user, a slot that does not
// open); never a crash, and an edited KDF cost never makes a case slow (each case is bounded).
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headerPath, readHeader } from '../../main/vault/header-file';
import { unlockSlot } from '../../main/vault/key-slots';
import type { ErrorCode } from '../../shared/errors/error-codes';
import { buildCli, runCli } from '../cli/cli-harness';
import { PASSPHRASE, tempVault, type TempVault } from '../vault/fixture';
import { FUZZ_SEED, failures, fuzzCases, inSandboxTmp, mutateBytes, outcome, pick, prng } from './fuzz-kit';

const ALLOWED: ErrorCode[] = ['E_BAD_VAULT_HEADER', 'E_KDF_PARAMS', 'E_UNKNOWN_USER', 'E_BAD_PASSPHRASE', 'E_NO_VAULT'];
const ODD_VALUES: unknown[] = [0, -1, 1, 2 ** 24, 2 ** 20, 64, 1e308, 0.5, '', 'A'.repeat(10_000), '====', null, [], {}, true, '16384'];

let v: TempVault;
let original: string;
beforeAll(async () => {
  v = await tempVault();
  await v.session.close();
  original = readFileSync(headerPath(v.path), 'utf8');
});
afterAll(async () => {
  writeFileSync(headerPath(v.path), original);
  await v.cleanup();
});

/** The header with one field (anywhere in it) replaced by an odd value. */
function editedField(rand: () => number): Buffer {
  const header = JSON.parse(original) as Record<string, unknown>;
  const paths: Array<[Record<string, unknown>, string]> = [];
  const walk = (o: Record<string, unknown>): void => {
    for (const [k, val] of Object.entries(o)) {
      paths.push([o, k]);
      if (val && typeof val === 'object') walk(val as Record<string, unknown>);
    }
  };
  walk(header);
  const [obj, key] = pick(rand, paths);
  obj[key] = pick(rand, ODD_VALUES);
  return Buffer.from(JSON.stringify(header));
}

describe('T7 fuzzed key headers never crash or hang an unlock', () => {
  it(`${fuzzCases(200)} mutated headers: the key or a stable refusal`, async () => {
    const rand = prng(FUZZ_SEED + 4);
    const { value: results, leftovers } = await inSandboxTmp(async () => {
      const out: string[] = [];
      for (let round = 0; round < fuzzCases(200); round++) {
        writeFileSync(headerPath(v.path), rand() < 0.5 ? mutateBytes(Buffer.from(original), rand) : editedField(rand));
        const r = await outcome(async () => void (await unlockSlot(await readHeader(v.path), 'ana', PASSPHRASE)), ALLOWED, 10_000);
        out.push(r === 'ok' || r.startsWith('refused:') ? r : `seed ${FUZZ_SEED + 4} round ${round}: ${r}`);
      }
      return out;
    });
    expect(failures(results)).toEqual([]);
    expect(leftovers).toEqual([]);
    // The vault's three parts (database, key header, objects folder), and nothing a refused unlock left beside them.
    expect(readdirSync(v.dir).sort()).toEqual(['vault.custodia', 'vault.custodia.keys', 'vault.custodia.objects']);
    for (const code of ['E_BAD_VAULT_HEADER', 'E_KDF_PARAMS']) expect(results).toContain(`refused:${code}`);
  });

  it('through the CLI: a documented exit code (3 when a slot does not open) and no stack trace', async () => {
    const cli = await buildCli();
    const rand = prng(FUZZ_SEED + 5);
    for (let round = 0; round < fuzzCases(3); round++) {
      writeFileSync(headerPath(v.path), editedField(rand));
      const r = runCli(cli, ['case', 'list', '--vault', v.path, '--user', 'ana', '--json'], { CUSTODIA_PASSPHRASE: PASSPHRASE });
      expect([0, 1, 3, 4], `round ${round}: ${r.stderr}`).toContain(r.status);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    rmSync(`${v.path}-wal`, { force: true });
  });
});
