// The case list's close/reopen button through the real handler table: the list and the
// dashboard's open-case count follow the core's custody-logged status.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { handlerClient, testContext } from './ipc-context';

const { ctx, dir, answer } = testContext();
const { value } = handlerClient(ctx);
afterAll(async () => {
  if (ctx.session) await ctx.session.vault.close();
});

describe('cases.setStatus', () => {
  it('closes and reopens a case; the dashboard counts open cases only', async () => {
    answer('chooseVaultLocation', join(dir, 'v.custodia'));
    await value('vault.create', { label: 'Org', user: 'ana', passphrase: 'una frase de prueba larga' });
    const { id } = await value<{ id: number }>('cases.add', { title: 'Caso A' });
    await value('cases.add', { title: 'Caso B' });
    expect((await value<{ openCases: number }>('dashboard.stats', {})).openCases).toBe(2);
    expect(await value('cases.setStatus', { id, status: 'closed' })).toEqual({ ok: true });
    expect((await value<Array<{ id: number; status: string }>>('cases.list', {})).find((c) => c.id === id)?.status).toBe('closed');
    expect((await value<{ openCases: number }>('dashboard.stats', {})).openCases).toBe(1);
    await value('cases.setStatus', { id, status: 'open' });
    expect((await value<{ openCases: number }>('dashboard.stats', {})).openCases).toBe(2);
  });
});
