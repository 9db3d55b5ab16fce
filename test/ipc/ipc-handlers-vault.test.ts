// The handler table over a real vault (real SQLCipher, real KDF) in a temp folder: what the
// renderer can and cannot make main do (T2, T8).
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../shared/i18n/catalogues';
import { handlerClient, testContext } from './ipc-context';
import { openVault } from '../../main/accounts/vault-session';
import { backToChunks } from '../vault/legacy-chunks';

const { ctx, dir, answer, events } = testContext();
const { dispatch, value, code } = handlerClient(ctx);
const PASS = 'una frase de prueba larga';
afterAll(async () => {
  if (ctx.session) await ctx.session.vault.close();
});

describe('IPC handlers over a real vault', () => {
  it('creates a vault where main\'s dialog says, and the renderer only learns an id and a label', async () => {
    answer('chooseVaultLocation', join(dir, 'v.custodia'));
    const status = await value<{ state: string; vaultId: string; label: string }>('vault.create', { label: 'Org', user: 'ana', passphrase: PASS });
    expect(status).toMatchObject({ state: 'unlocked', label: 'Org', user: { name: 'ana', role: 'admin' } });
    expect(JSON.stringify(status)).not.toContain(dir);
    expect(await value('vault.known', {})).toEqual([{ id: status.vaultId, label: 'Org' }]);
  });

  it('T8: an import names files only by tokens main issued; a forged one imports nothing', async () => {
    const caseId = (await value<{ id: number }>('cases.add', { title: 'Caso' })).id;
    const incident = { occurredAt: '2026-10-02T18:30:00-05:00', place: 'Tres Islas', channel: 'phone', verbatim: 'x', riskLevel: 'low', type: 'threat' };
    const incidentId = (await value<{ id: number }>('incidents.add', { caseId, incident })).id;
    const file = join(dir, 'nota.txt');
    writeFileSync(file, 'amenaza escrita');
    answer('pickEvidenceFiles', [file]);
    const [picked] = await value<{ token: string; name: string }[]>('evidence.pick', {});
    expect(picked?.name).toBe('nota.txt');
    const forged = 'f'.repeat(32);
    expect(await code('evidence.import', { incidentId, tokens: [picked!.token, forged], acquisition: { method: 'received' } })).toBe('E_NOT_FOUND');
    expect(await value('evidence.list', { incidentId })).toEqual([]);
    expect(await code('evidence.import', { incidentId, tokens: ['../../etc/passwd'], acquisition: { method: 'received' } })).toBe('E_INVALID_INPUT');
    answer('pickEvidenceFiles', [file]);
    const [again] = await value<{ token: string }[]>('evidence.pick', {});
    const imported = await value<{ name: string; bytes: number }[]>('evidence.import', { incidentId, tokens: [again!.token], acquisition: { method: 'received' } });
    expect(imported).toMatchObject([{ name: 'nota.txt', bytes: 15 }]);
    // Progress counts bytes stored, from 0 to the file's size.
    expect(events.filter((e) => e.kind === 'progress' && e.task === 'import').map((e) => e.kind === 'progress' && [e.done, e.total])).toEqual([[0, 15], [15, 15]]);
  });

  it('reports the bytes of a large import as they are stored, never going back', async () => {
    const incidentId = 1; // the incident the previous test filed
    const file = join(dir, 'video.bin');
    const size = 6 * 1024 * 1024 + 5;
    writeFileSync(file, Buffer.alloc(size, 7));
    answer('pickEvidenceFiles', [file]);
    const [picked] = await value<{ token: string }[]>('evidence.pick', {});
    const from = events.length;
    await value('evidence.import', { incidentId, tokens: [picked!.token], acquisition: { method: 'recording' } });
    const steps = events.slice(from).flatMap((e) => (e.kind === 'progress' && e.item === 'video.bin' ? [[e.done, e.total]] : []));
    expect(steps[0]).toEqual([0, size]);
    expect(steps.at(-1)).toEqual([size, size]);
    for (let i = 1; i < steps.length; i += 1) expect(steps[i]![0]).toBeGreaterThanOrEqual(steps[i - 1]![0]!);
  });

  it('T2: locking closes the session, forgets staged files and tells the renderer', async () => {
    const file = join(dir, 'foto.txt');
    writeFileSync(file, 'x');
    answer('pickEvidenceFiles', [file]);
    const [staged] = await value<{ token: string }[]>('evidence.pick', {});
    expect(await value('vault.lock', {})).toEqual({ state: 'locked' });
    expect(ctx.session).toBeNull();
    expect(events.at(-1)).toEqual({ kind: 'locked', reason: 'user' });
    expect(() => ctx.files.take(staged!.token)).toThrow();
    expect(await code('cases.list', {})).toBe('E_VAULT_LOCKED');
  });

  it('a wrong passphrase is refused with its code and a Spanish message; the right one reopens', async () => {
    const [known] = await value<{ id: string }[]>('vault.known', {});
    const wrong = await dispatch('vault.unlock', { vaultId: known!.id, user: 'ana', passphrase: 'no es esta' });
    expect(wrong).toEqual({ ok: false, error: { code: 'E_BAD_PASSPHRASE', message: CATALOGUES.es['error.E_BAD_PASSPHRASE'] } });
    expect(await code('vault.unlock', { vaultId: 'ffffffffffffffff', user: 'ana', passphrase: PASS })).toBe('E_NO_VAULT');
    expect(await value('vault.unlock', { vaultId: known!.id, user: 'ana', passphrase: PASS })).toMatchObject({ state: 'unlocked' });
    expect(await value<unknown[]>('cases.list', {})).toHaveLength(1);
  });

  it('refuses an edit based on a version someone else already replaced', async () => {
    const incident = { occurredAt: '2026-10-02T18:30:00-05:00', place: 'Tres Islas', channel: 'phone', verbatim: 'y', riskLevel: 'medium', type: 'threat' };
    expect(await value('incidents.edit', { id: 1, baseVersion: 1, incident })).toEqual({ id: 1, version: 2 });
    expect(await code('incidents.edit', { id: 1, baseVersion: 1, incident: { ...incident, verbatim: 'z' } })).toBe('E_STALE_VERSION');
    const versions = await value<{ version: number; changed: string[] }[]>('incidents.versions', { id: 1 });
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[1]?.changed).toEqual(['riskLevel', 'verbatim']);
  });

  it('T9: the first unlock of an older vault moves its evidence out with progress the unlock screen shows', async () => {
    expect(await value('vault.lock', {})).toEqual({ state: 'locked' });
    await backToChunks(await openVault({ path: join(dir, 'v.custodia'), user: 'ana', passphrase: PASS }));
    const [known] = await value<{ id: string }[]>('vault.known', {});
    const from = events.length;
    expect(await value('vault.unlock', { vaultId: known!.id, user: 'ana', passphrase: PASS })).toMatchObject({ state: 'unlocked' });
    const steps = events.slice(from).flatMap((e) => (e.kind === 'progress' && e.task === 'storage' ? [[e.done, e.total]] : []));
    expect(steps[0]).toEqual([0, 1000]);
    expect(steps.at(-1)).toEqual([1000, 1000]);
    expect(await value<unknown[]>('evidence.list', { incidentId: 1 })).toHaveLength(2);
  });
});

describe('T2 vault.erase from the app', () => {
  it("refuses a name that is not the vault's (nothing touched), then erases: the session is gone, the vault forgotten, its folder empty", async () => {
    const dir2 = mkdtempSync(join(tmpdir(), 'custodia-erase-ipc-'));
    const t = testContext(dir2);
    const c = handlerClient(t.ctx);
    const path = join(dir2, 'erase.custodia');
    t.answer('chooseVaultLocation', path);
    await c.value('vault.create', { label: 'Defensores Tambopata', user: 'ana', passphrase: 'una frase de prueba larga' });
    expect(await c.code('vault.erase', { label: 'defensores tambopata' })).toBe('E_INVALID_INPUT');
    expect(t.ctx.session).not.toBeNull();
    const r = await c.value<{ unreadableAfterMs: number; removedAfterMs: number }>('vault.erase', { label: 'Defensores Tambopata' });
    expect(r.unreadableAfterMs).toBeLessThanOrEqual(r.removedAfterMs);
    expect(t.ctx.session).toBeNull();
    expect(await c.value('vault.known', {})).toEqual([]);
    expect(readdirSync(dir2).filter((f) => f.startsWith('erase.custodia'))).toEqual([]);
    expect(await c.code('vault.erase', { label: 'Defensores Tambopata' })).toBe('E_VAULT_LOCKED');
    rmSync(dir2, { recursive: true, force: true });
  });
});

describe('T2 opt-in erase after failed unlocks', () => {
  it('off by default; when chosen, the Nth wrong passphrase in a row erases the copy and says so, and a right one resets the count', async () => {
    const dir2 = mkdtempSync(join(tmpdir(), 'custodia-erase-after-'));
    const t = testContext(dir2);
    const c = handlerClient(t.ctx);
    const path = join(dir2, 'seized.custodia');
    t.answer('chooseVaultLocation', path);
    const pass = 'una frase de prueba larga';
    const { vaultId } = await c.value<{ vaultId: string }>('vault.create', { label: 'Defensores', user: 'ana', passphrase: pass });
    await c.value('vault.lock', {});
    const wrong = () => c.code('vault.unlock', { vaultId, user: 'ana', passphrase: 'not this one at all' });
    // Off: wrong passphrases lock nothing away.
    for (let i = 0; i < 3; i += 1) expect(await wrong()).toBe('E_BAD_PASSPHRASE');
    expect(readdirSync(dir2).filter((f) => f.startsWith('seized.custodia')).length).toBe(3);
    await c.value('settings.set', { eraseAfterFailedUnlocks: 3 });
    // The count from before the setting is cleared by a right passphrase.
    await c.value('vault.unlock', { vaultId, user: 'ana', passphrase: pass });
    await c.value('vault.lock', {});
    expect(await wrong()).toBe('E_BAD_PASSPHRASE');
    expect(await wrong()).toBe('E_BAD_PASSPHRASE');
    expect(readdirSync(dir2).filter((f) => f.startsWith('seized.custodia')).length).toBe(3);
    expect(await wrong()).toBe('E_VAULT_ERASED');
    expect(readdirSync(dir2).filter((f) => f.startsWith('seized.custodia'))).toEqual([]);
    expect(await c.value('vault.known', {})).toEqual([]);
    rmSync(dir2, { recursive: true, force: true });
  }, 60_000);
});
