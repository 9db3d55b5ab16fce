// Creating, unlocking and verifying a vault through the core's vault service.
import { CustodiaError } from '../../../shared/errors/error-codes';
import { verifyLog, type VerifyPhase } from '../../audit/verify-log';
import { activateUser } from '../../accounts/activate-user';
import { unlockVault } from '../../accounts/unlock-vault';
import { eraseVaultUnopened } from '../../accounts/erase-vault';
import { createVault } from '../../accounts/vault-session';
import type { HandlerContext, HandlerGroup } from '../context';
import { requireSession } from '../dispatcher';
import { vaultId } from '../../app/settings-store';
import { lockNow, statusOf } from './vault-handlers';

const PHASES: VerifyPhase[] = ['pages', 'chain', 'tree', 'checkpoints', 'content', 'done'];

async function replaceSession(ctx: HandlerContext): Promise<void> {
  if (ctx.session) await lockNow(ctx, 'user');
}

export const sessionHandlers = {
  'vault.create': async ({ label, user, passphrase }, ctx) => {
    const path = await ctx.dialogs.chooseVaultLocation(label);
    if (!path) return null;
    await replaceSession(ctx);
    // The name the user gives the vault is its organisation, as its dossiers will name it.
    const vault = await createVault({ path, user, passphrase, organisation: label });
    const known = ctx.settings.rememberVault(path, label);
    ctx.session = { vault, knownId: known.id, label: known.label };
    return statusOf(ctx);
  },
  'vault.unlock': async ({ vaultId: id, user, passphrase }, ctx) => {
    const known = ctx.settings.vaults().find((v) => v.id === id);
    if (!known || vaultId(known.path) !== id) throw new CustodiaError('E_NO_VAULT', 'Unknown vault');
    await replaceSession(ctx);
    let vault;
    try {
      vault = await unlockVault({
        path: known.path, user, passphrase,
        onStorageProgress: (fraction) => ctx.emit({ kind: 'progress', task: 'storage', item: '', done: Math.round(fraction * 1000), total: 1000 }),
      });
    } catch (e) {
      if (e instanceof CustodiaError && e.code === 'E_BAD_PASSPHRASE') await countFailure(ctx, known);
      throw e;
    }
    ctx.settings.unlockSucceeded(known.id);
    ctx.session = { vault, knownId: known.id, label: known.label };
    return statusOf(ctx);
  },
  'session.activate': async ({ vaultId: id, user, oneTimePassphrase, newPassphrase }, ctx) => {
    const known = ctx.settings.vaults().find((v) => v.id === id);
    if (!known || vaultId(known.path) !== id) throw new CustodiaError('E_NO_VAULT', 'Unknown vault');
    await replaceSession(ctx);
    const vault = await activateUser({ path: known.path, user, oneTimePassphrase, newPassphrase });
    ctx.session = { vault, knownId: known.id, label: known.label };
    return statusOf(ctx);
  },
  'vault.verify': async (_req, ctx) => {
    const session = requireSession(ctx);
    const report = await verifyLog(session, {
      onProgress: (phase) => ctx.emit({ kind: 'progress', task: 'verify', item: '', done: PHASES.indexOf(phase) + 1, total: PHASES.length }),
    });
    return {
      ok: report.ok,
      entries: report.entries,
      problems: report.problems.map((p) => ({ code: p.code, message: p.message, ...(p.seq === undefined ? {} : { seq: p.seq }) })),
    };
  },
} satisfies HandlerGroup;

/** The opt-in erase: the Nth failed unlock in a row erases this laptop's copy and says so. */
async function countFailure(ctx: HandlerContext, known: { id: string; path: string }): Promise<void> {
  const limit = ctx.settings.get().eraseAfterFailedUnlocks;
  const failures = ctx.settings.unlockFailed(known.id);
  if (limit === null || failures < limit) return;
  await eraseVaultUnopened(known.path);
  ctx.settings.forgetVault(known.path);
  throw new CustodiaError('E_VAULT_ERASED', `${failures} failed unlocks in a row: this laptop's copy of the vault was erased, as the settings asked; a backup brings it back`);
}
