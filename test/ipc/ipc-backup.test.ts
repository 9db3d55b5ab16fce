// T9 from the app: the Backup screen's channels. A backup to the folder main's dialog picked, with
// progress events, then the last backup's time and number from the custody log; a cancelled
// dialog writes nothing; a locked app is refused.
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlerClient, testContext } from './ipc-context';

const { ctx, dir, answer, events } = testContext();
const { value, code } = handlerClient(ctx);
type Status = { lastAt: string | null; sequence: number | null };

beforeAll(async () => {
  answer('chooseVaultLocation', join(dir, 'v.custodia'));
  await value('vault.create', { label: 'Org', user: 'ana', passphrase: 'una frase de prueba larga' });
  await value('cases.add', { title: 'Caso A' });
}, 60_000);
afterAll(async () => {
  if (ctx.session) await ctx.session.vault.close();
});

describe('T9 backup.toFolder and backup.status', () => {
  it('a vault never backed up says so; a cancelled dialog writes nothing', async () => {
    expect(await value<Status>('backup.status', {})).toEqual({ lastAt: null, sequence: null });
    expect(await value('backup.toFolder', {})).toBeNull();
    expect(await value<Status>('backup.status', {})).toEqual({ lastAt: null, sequence: null });
  });

  it('backs up to the picked folder with progress, and the status then names it', async () => {
    const stick = join(dir, 'stick');
    mkdirSync(stick);
    answer('chooseBackupFolder', stick);
    const before = Date.now();
    const r = await value<{ sequence: number; objectsWritten: number; bytesWritten: number }>('backup.toFolder', {});
    expect(r.sequence).toBe(1);
    expect(r.bytesWritten).toBeGreaterThan(0);
    expect(readdirSync(join(stick, 'manifests'))).toEqual(['0000000001.json']);
    const progress = events.filter((e) => e.kind === 'progress' && e.task === 'backup');
    expect(progress.at(-1)).toMatchObject({ done: 1000, total: 1000 });
    const status = await value<Status>('backup.status', {});
    expect(status.sequence).toBe(1);
    expect(Date.parse(status.lastAt ?? '')).toBeGreaterThanOrEqual(before - 1000);
  });

  it('a folder that is gone is E_NOT_FOUND; a request with fields and a locked app are refused', async () => {
    answer('chooseBackupFolder', join(dir, 'unmounted'));
    expect(await code('backup.toFolder', {})).toBe('E_NOT_FOUND');
    expect(await code('backup.toFolder', { path: '/tmp' })).toBe('E_INVALID_INPUT');
    const other = testContext();
    expect(await handlerClient(other.ctx).code('backup.status', {})).toBe('E_VAULT_LOCKED');
  });
});

describe('T9 vault.restore: the first screen on a new laptop', () => {
  it('restores the backup folder to the chosen place, opens it with the user\'s passphrase and remembers it; E_EXISTS over a vault', async () => {
    const laptop = testContext();
    const client = handlerClient(laptop.ctx);
    const stick = join(dir, 'stick');
    const restored = join(laptop.dir, 'restored.custodia');
    laptop.answer('chooseBackupFolder', stick);
    laptop.answer('chooseVaultLocation', restored);
    const status = await client.value<{ state: string; user?: { name: string } }>('vault.restore', { label: 'Org', user: 'ana', passphrase: 'una frase de prueba larga' });
    expect(status).toMatchObject({ state: 'unlocked', user: { name: 'ana' } });
    expect(await client.value<{ id: string; label: string }[]>('vault.known', {})).toHaveLength(1);
    const cases = await client.value<{ title: string }[]>('cases.list', {});
    expect(cases.map((c) => c.title)).toEqual(['Caso A']);
    laptop.answer('chooseBackupFolder', stick);
    laptop.answer('chooseVaultLocation', restored);
    expect(await client.code('vault.restore', { label: 'Org', user: 'ana', passphrase: 'una frase de prueba larga' })).toBe('E_EXISTS');
    await laptop.ctx.session?.vault.close();
  });

  it('a cancelled dialog restores nothing', async () => {
    const laptop = testContext();
    expect(await handlerClient(laptop.ctx).value('vault.restore', { label: 'Org', user: 'ana', passphrase: 'x' })).toBeNull();
    expect(readdirSync(laptop.dir)).toEqual([]);
  });
});
