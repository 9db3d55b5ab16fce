// The Backup screen: when the vault was last backed up, and a backup to a folder main's dialog
// picks, with progress; and the first screen's restore from a backup folder. The core does the
// work (main/backup/).
import { unlockVault } from '../../accounts/unlock-vault';
import { backupVault } from '../../backup/backup-vault';
import { lastBackup } from '../../backup/backup-status';
import { openTarget } from '../../backup/open-target';
import { restoreVault } from '../../backup/restore-vault';
import type { HandlerGroup } from '../context';
import { requireSession } from '../dispatcher';
import { lockNow, statusOf } from './vault-handlers';

const STEPS = 1000;

export const backupHandlers = {
  'backup.status': async (_req, ctx) => {
    const last = await lastBackup(requireSession(ctx).db);
    return { lastAt: last?.at ?? null, sequence: last?.sequence ?? null };
  },
  'backup.toFolder': async (_req, ctx) => {
    const session = requireSession(ctx);
    const folder = await ctx.dialogs.chooseBackupFolder();
    if (!folder) return null;
    const target = await openTarget(folder);
    try {
      const r = await backupVault(session, target, (f) => ctx.emit({ kind: 'progress', task: 'backup', item: '', done: Math.round(f * STEPS), total: STEPS }));
      return { sequence: r.sequence, objectsWritten: r.objectsWritten, bytesWritten: r.bytesWritten };
    } finally {
      target.close();
    }
  },
  'vault.restore': async ({ label, user, passphrase }, ctx) => {
    const folder = await ctx.dialogs.chooseBackupFolder();
    if (!folder) return null;
    const path = await ctx.dialogs.chooseVaultLocation(label);
    if (!path) return null;
    if (ctx.session) await lockNow(ctx, 'user');
    const target = await openTarget(folder);
    try {
      await restoreVault({ target, vaultPath: path, user, passphrase, onProgress: (f) => ctx.emit({ kind: 'progress', task: 'backup', item: '', done: Math.round(f * STEPS), total: STEPS }) });
    } finally {
      target.close();
    }
    const vault = await unlockVault({ path, user, passphrase });
    const known = ctx.settings.rememberVault(path, label);
    ctx.session = { vault, knownId: known.id, label: known.label };
    return statusOf(ctx);
  },
} satisfies HandlerGroup;
