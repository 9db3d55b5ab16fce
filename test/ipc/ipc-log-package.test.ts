// The auditor's path through the app (issue 9 item 3): an admin adds an auditor, who gets no
// passphrase (T3: no key that opens the content); the admin exports the custody log package;
// with the vault locked, the package is checked from the first screen. A forger's edit of one
// entry (T6) and a log cut short against an earlier package (T3) are red, with their codes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlerClient, testContext } from './ipc-context';

const { ctx, dir, answer } = testContext();
const { value, code } = handlerClient(ctx);
const PASS = 'una frase de prueba larga';
const MARKER = 'q7zmarkerq7z';

type Verdict = { ok: boolean; entries: number; checkpoints: number; signedUpTo: number; problems: { code: string }[] };

async function check(file: string, earlier?: string): Promise<Verdict> {
  answer('pickLogPackage', file);
  const { token } = await value<{ token: string }>('custody.pickPackage', {});
  let earlierToken: string | undefined;
  if (earlier) {
    answer('pickLogPackage', earlier);
    earlierToken = (await value<{ token: string }>('custody.pickPackage', {})).token;
  }
  return value<Verdict>('custody.verifyPackage', { token, ...(earlierToken ? { earlierToken } : {}) });
}

let vaultId = '';
beforeAll(async () => {
  answer('chooseVaultLocation', join(dir, 'v.custodia'));
  vaultId = (await value<{ vaultId: string }>('vault.create', { label: 'Org', user: 'ana', passphrase: PASS })).vaultId;
  const caseId = (await value<{ id: number }>('cases.add', { title: `Caso ${MARKER}` })).id;
  const incident = { occurredAt: '2026-10-02T18:30:00-05:00', place: `Tres Islas ${MARKER}`, channel: 'phone', verbatim: `amenaza ${MARKER}`, riskLevel: 'high', type: 'threat' };
  await value('incidents.add', { caseId, incident });
}, 60_000);
afterAll(async () => {
  if (ctx.session) await ctx.session.vault.close();
});

describe('T3 the auditor works from a package, never from a vault key', () => {
  it('users.add gives an auditor no one-time passphrase, and the auditor unlocks nothing', async () => {
    expect(await value('users.add', { name: 'otto', role: 'auditor' })).toEqual({ oneTimePassphrase: null });
  });

  it('exports the package where the dialog says; it holds no record text; checked with the vault locked it is green', async () => {
    const first = join(dir, 'first.json');
    answer('chooseLogPackageDestination', first);
    const saved = await value<{ location: string; entries: number }>('custody.exportPackage', {});
    expect(saved.location).toBe(first);
    expect(readFileSync(first, 'utf8')).not.toContain(MARKER);
    await value('cases.add', { title: 'Caso B' });
    const second = join(dir, 'second.json');
    answer('chooseLogPackageDestination', second);
    expect((await value<{ entries: number }>('custody.exportPackage', {})).entries).toBeGreaterThan(saved.entries);
    await value('vault.lock', {});
    expect(ctx.session).toBeNull();
    expect(await code('vault.unlock', { vaultId, user: 'otto', passphrase: PASS })).toBe('E_BAD_PASSPHRASE');

    const verdict = await check(second, first);
    expect(verdict).toMatchObject({ ok: true, problems: [] });
    expect(verdict.signedUpTo).toBe(verdict.entries);
  });

  it('T6 one entry rewritten is red (chain and signed roots); T3 a package cut short is red against the later one', async () => {
    const text = readFileSync(join(dir, 'second.json'), 'utf8');
    const forged = join(dir, 'forged.json');
    writeFileSync(forged, text.replace('"action":"incident_create"', '"action":"case_create"'));
    const bad = await check(forged);
    expect(bad.ok).toBe(false);
    expect(bad.problems.map((p) => p.code)).toContain('E_CHAIN_BROKEN');
    // The earlier package must be contained in the later one, not the other way round.
    const rolledBack = await check(join(dir, 'first.json'), join(dir, 'second.json'));
    expect(rolledBack.ok).toBe(false);
    expect(rolledBack.problems.map((p) => p.code)).toContain('E_CONSISTENCY');
  });

  it('a file that is not a package is refused with its code; a used token is refused too', async () => {
    const junk = join(dir, 'junk.json');
    writeFileSync(junk, '{"not":"a package"}');
    answer('pickLogPackage', junk);
    const { token } = await value<{ token: string }>('custody.pickPackage', {});
    expect(await code('custody.verifyPackage', { token })).toBe('E_BAD_LOG_PACKAGE');
    expect(await code('custody.verifyPackage', { token })).toBe('E_NOT_FOUND');
  });
});
