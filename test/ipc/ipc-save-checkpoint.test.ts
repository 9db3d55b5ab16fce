// The app saves a signed checkpoint outside the vault, as `log checkpoint` does: the file is the
// same form, signed by the user now at work, and it covers the whole log. Against T3 (an insider
// who rolls the vault back to bury a record): the saved file catches the rollback later.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCheckpointFile } from '../../main/custody/checkpoint-file';
import { isNoteCheckpoint, noteSigner } from '../../shared/custody/tlog-checkpoint';
import { verifyLog } from '../../main/audit/verify-log';
import { loggedPublicKeys } from '../../main/custody/signing-keys';
import { handlerClient, testContext } from './ipc-context';

const { ctx, dir, answer } = testContext();
const { value, code } = handlerClient(ctx);
type Saved = { location: string; treeSize: number; rootHash: string } | null;

beforeAll(async () => {
  answer('chooseVaultLocation', join(dir, 'v.custodia'));
  await value('vault.create', { label: 'Org', user: 'ana', passphrase: 'una frase de prueba larga' });
  await value('cases.add', { title: 'Caso A' });
}, 60_000);
afterAll(async () => {
  if (ctx.session) await ctx.session.vault.close();
});

describe('T3 custody.saveCheckpoint', () => {
  it('writes a checkpoint of the whole log, signed by the user at work, that log verify accepts', async () => {
    const out = join(dir, 'checkpoint.json');
    answer('chooseCheckpointDestination', out);
    const saved = await value<Saved>('custody.saveCheckpoint', {});
    const cp = parseCheckpointFile(out, readFileSync(out, 'utf8'));
    const { n } = (await ctx.session!.vault.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM custody_log'))!;
    expect(saved).toEqual({ location: out, treeSize: n, rootHash: cp.rootHash });
    expect(cp.treeSize).toBe(n);
    // A C2SP checkpoint note, signed with ana's key under the log's origin.
    if (!isNoteCheckpoint(cp)) throw new Error('expected a checkpoint note');
    const keys = [...(await loggedPublicKeys(ctx.session!.vault.db))].filter(([, user]) => user === 'ana').map(([k]) => Buffer.from(k, 'hex'));
    expect(noteSigner(cp.note, cp.origin, keys)).toBeDefined();
    const report = await verifyLog(ctx.session!.vault, { externalCheckpoint: cp });
    expect(report.problems).toEqual([]);
  });

  it('a cancelled dialog writes nothing and signs nothing', async () => {
    const before = await ctx.session!.vault.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM checkpoints');
    expect(await value<Saved>('custody.saveCheckpoint', {})).toBeNull();
    expect(await ctx.session!.vault.db.get('SELECT COUNT(*) AS n FROM checkpoints')).toEqual(before);
  });

  it('refuses a request with fields and a caller with no session', async () => {
    expect(await code('custody.saveCheckpoint', { path: '/tmp/x.json' })).toBe('E_INVALID_INPUT');
    const other = testContext();
    expect(await handlerClient(other.ctx).code('custody.saveCheckpoint', {})).toBe('E_VAULT_LOCKED');
  });
});
