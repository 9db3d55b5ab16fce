// The Backup screen: when the vault was last backed up, and a backup to a folder main's dialog
// picks, with progress; the core does the work (main/backup/).
import { backupVault } from '../../backup/backup-vault';
import { lastBackup } from '../../backup/backup-status';
import { openTarget } from '../../backup/open-target';
import type { HandlerGroup } from '../context';
import { requireSession } from '../dispatcher';

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
} satisfies HandlerGroup;
