// The IPC door (T8): unknown channels, malformed arguments and unexpected answers are refused
// with a stable code and a message in the user's language; nothing internal leaks.
import { describe, expect, it, vi } from 'vitest';
import { CustodiaError } from '../../shared/errors/error-codes';
import { CATALOGUES } from '../../shared/i18n/catalogues';
import { CHANNELS } from '../../shared/ipc/contract';
import { createDispatcher } from '../../main/ipc/dispatcher';
import { buildHandlerTable } from '../../main/ipc/handler-table';
import type { HandlerTable } from '../../main/ipc/context';
import { testContext } from './ipc-context';

function errorOf(r: { ok: boolean; error?: { code: string; message: string } }) {
  expect(r.ok).toBe(false);
  return r.error!;
}

describe('T8 hostile renderer: the dispatcher checks every call', () => {
  it('refuses a channel the contract does not know, in Spanish by default', async () => {
    const { ctx } = testContext();
    const dispatch = createDispatcher(buildHandlerTable(), ctx);
    for (const channel of ['fs.readFile', '__proto__', 'constructor', 'toString', 42, null]) {
      const e = errorOf(await dispatch(channel, {}));
      expect(e.code).toBe('E_UNKNOWN_CHANNEL');
      expect(e.message).toBe(CATALOGUES.es['error.E_UNKNOWN_CHANNEL']);
    }
  });

  it('answers in the language chosen in settings', async () => {
    const { ctx } = testContext();
    ctx.settings.set({ language: 'pt' });
    const e = errorOf(await createDispatcher(buildHandlerTable(), ctx)('nope', {}));
    expect(e.message).toBe(CATALOGUES.pt['error.E_UNKNOWN_CHANNEL']);
  });

  it('parses arguments with the contract before the handler runs', async () => {
    const { ctx } = testContext();
    const handler = vi.fn(async () => ({ id: 1 }));
    const dispatch = createDispatcher({ ...buildHandlerTable(), 'cases.add': handler }, ctx);
    for (const bad of [undefined, 'Caso', { title: '' }, { title: 5 }, { title: 'Caso', extra: 1 }]) {
      expect(errorOf(await dispatch('cases.add', bad)).code).toBe('E_INVALID_INPUT');
    }
    expect(handler).not.toHaveBeenCalled();
    expect(await dispatch('cases.add', { title: 'Caso' })).toEqual({ ok: true, value: { id: 1 } });
  });

  it('refuses a prototype-polluting payload as unknown keys', async () => {
    const { ctx } = testContext();
    const dispatch = createDispatcher(buildHandlerTable(), ctx);
    const payload = JSON.parse('{"language":"en","__proto__":{"admin":true}}');
    expect(errorOf(await dispatch('settings.set', payload)).code).toBe('E_INVALID_INPUT');
    expect(ctx.settings.get().language).toBe('es');
  });

  it('has a handler for every channel of the contract, and none for a channel outside it', () => {
    expect(Object.keys(buildHandlerTable()).sort()).toEqual([...CHANNELS].sort());
  });

  it('checks the answer too: a handler returning extra fields is an internal error, not a leak', async () => {
    const { ctx } = testContext();
    const leaky: HandlerTable = { ...buildHandlerTable(), 'app.info': async () => ({ version: '1', platform: 'linux', dbKey: 'secret' }) as never };
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const e = errorOf(await createDispatcher(leaky, ctx)('app.info', {}));
    expect(e.code).toBe('E_INTERNAL');
    expect(JSON.stringify(e)).not.toContain('secret');
  });

  it('passes a CustodiaError on by code, with the message from the catalogue, not the internal text', async () => {
    const { ctx } = testContext();
    ctx.settings.set({ language: 'en' });
    const table: HandlerTable = { ...buildHandlerTable(), 'app.info': async () => { throw new CustodiaError('E_BAD_PASSPHRASE', 'slot 3 of /home/ana/v.custodia'); } };
    const e = errorOf(await createDispatcher(table, ctx)('app.info', {}));
    expect(e).toEqual({ code: 'E_BAD_PASSPHRASE', message: CATALOGUES.en['error.E_BAD_PASSPHRASE'] });
  });

  it('hides an unexpected exception behind E_INTERNAL', async () => {
    const { ctx } = testContext();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const table: HandlerTable = { ...buildHandlerTable(), 'app.info': async () => { throw new Error('ENOENT /home/ana/secret'); } };
    const e = errorOf(await createDispatcher(table, ctx)('app.info', {}));
    expect(e.code).toBe('E_INTERNAL');
    expect(e.message).not.toContain('/home');
  });

  it('requires an unlocked vault for vault work', async () => {
    const { ctx } = testContext();
    const dispatch = createDispatcher(buildHandlerTable(), ctx);
    for (const [channel, req] of [['cases.list', {}], ['evidence.pick', {}], ['incidents.list', {}], ['users.list', {}]] as const) {
      expect(errorOf(await dispatch(channel, req)).code, channel).toBe('E_VAULT_LOCKED');
    }
  });

  it('T8: a file token is opaque, single-use and refused when forged', async () => {
    const { ctx, dir, answer } = testContext();
    const dispatch = createDispatcher(buildHandlerTable(), ctx);
    answer('pickDossier', `${dir}/settings.json`);
    ctx.settings.set({ autoLockMinutes: 3 });
    const picked = await dispatch('dossier.pick', {});
    expect(picked.ok).toBe(true);
    const value = (picked as { value: { token: string; name: string } }).value;
    expect(value.name).toBe('settings.json');
    expect(JSON.stringify(value)).not.toContain(dir);
    expect(ctx.files.take(value.token)).toBe(`${dir}/settings.json`);
    expect(() => ctx.files.take(value.token)).toThrow(CustodiaError);
    expect(errorOf(await dispatch('dossier.verify', { token: '0'.repeat(32) })).code).toBe('E_NOT_FOUND');
    expect(errorOf(await dispatch('dossier.verify', { token: '/etc/passwd' })).code).toBe('E_INVALID_INPUT');
  });
});
