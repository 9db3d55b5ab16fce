// Vault channels that stand on the shell alone: which vaults exist, status, lock and erase.
import { CustodiaError } from '../../../shared/errors/error-codes';
import { eraseVault } from '../../accounts/erase-vault';
import type { HandlerContext, HandlerGroup } from '../context';

export function statusOf(ctx: HandlerContext) {
  const s = ctx.session;
  return s
    ? { state: 'unlocked' as const, vaultId: s.knownId, label: s.label, user: { ...s.vault.user } }
    : { state: 'locked' as const };
}

/**
 * Drops the session (which seals what it appended, then drops the database key, its thumbnails
 * and uploads) and every staged file token (T2).
 */
export async function lockNow(ctx: HandlerContext, reason: 'user' | 'idle' | 'system'): Promise<void> {
  const session = ctx.session;
  ctx.session = null;
  ctx.files.clear();
  if (session) await session.vault.close();
  ctx.emit({ kind: 'locked', reason });
}

export const vaultHandlers = {
  'vault.known': async (_req, ctx) => ctx.settings.vaults().map(({ id, label }) => ({ id, label })),
  'vault.pickExisting': async (_req, ctx) => {
    const path = await ctx.dialogs.pickVault();
    return path ? ctx.settings.rememberVault(path) : null;
  },
  'vault.status': async (_req, ctx) => statusOf(ctx),
  'vault.lock': async (_req, ctx) => {
    await lockNow(ctx, 'user');
    return statusOf(ctx);
  },
  // The user typed the vault's name to confirm: there is no undo on this laptop (a backup brings it back).
  'vault.erase': async ({ label }, ctx) => {
    const session = ctx.session;
    if (!session) throw new CustodiaError('E_VAULT_LOCKED', 'unlock the vault to erase it');
    if (label !== session.label) throw new CustodiaError('E_INVALID_INPUT', 'the name typed is not the vault\'s: nothing was erased');
    ctx.session = null;
    ctx.files.clear();
    const path = session.vault.path;
    const r = await eraseVault(session.vault);
    ctx.settings.forgetVault(path);
    ctx.emit({ kind: 'locked', reason: 'user' });
    return r;
  },
} satisfies HandlerGroup;
