// `custodia vault init`: a new vault whose first user is its admin (activated at once);
// `custodia vault rekey`: an admin rotates the vault key; `custodia vault erase`: this laptop's
// copy made unreadable at once, then removed; `custodia vault backup` / `vault restore`: backups
// that only add, and a checked restore (main/backup/).
import type { Command } from 'commander';
import { signSessionCheckpoint } from '../../accounts/sealed-changes';
import { rotateVaultKey } from '../../accounts/rotate-vault-key';
import { eraseVault } from '../../accounts/erase-vault';
import { CustodiaError } from '../../../shared/errors/error-codes';
import { createVault } from '../../accounts/vault-session';
import { backupVault } from '../../backup/backup-vault';
import { openTarget } from '../../backup/open-target';
import { restoreVault } from '../../backup/restore-vault';
import { printResult, type OutputOptions } from '../output';
import { readPassphrase } from '../passphrase';
import { progressToStderr } from '../progress';
import { newPassphrase, sessionCommand, withSession, type SessionOptions } from '../session-options';

export function registerVaultCommands(program: Command): void {
  const vault = program.command('vault').description('create a vault, rotate its key, back it up, restore it, erase it from this laptop');
  vault
    .command('init')
    .description('create an encrypted vault; the first user is admin (passphrase: CUSTODIA_PASSPHRASE or prompt)')
    .requiredOption('--vault <file>', 'vault database file to create')
    .requiredOption('--user <name>', 'name of the first user (admin)')
    .option('--organisation <name>', 'the organisation keeping the vault, as its dossiers will name it')
    .option('--json', 'print one JSON object')
    .action(async (opts: OutputOptions & { vault: string; user: string; organisation?: string }) => {
      const passphrase = await newPassphrase('CUSTODIA_PASSPHRASE', opts.user);
      const session = await createVault({ path: opts.vault, user: opts.user, passphrase, ...(opts.organisation ? { organisation: opts.organisation } : {}) });
      try {
        const checkpoint = await signSessionCheckpoint(session);
        printResult(opts, { vaultId: session.vaultId, user: session.user.name, role: session.user.role, treeSize: checkpoint.treeSize },
          () => `created vault ${session.vaultId} at ${opts.vault}; ${session.user.name} is admin`);
      } finally {
        await session.close();
      }
    });
  sessionCommand(vault.command('rekey').description('rotate the vault key (admin only): the database is copied under a new key, sealed to every current user'))
    .action(async (opts: SessionOptions) => {
      await withSession(opts, (s) => rotateVaultKey(s, { reason: 'admin', onProgress: progressToStderr('re-keying the vault') }));
      printResult(opts, { rekeyed: true }, () => 'the vault key was rotated; a saved copy of the old key header opens nothing in this vault any more');
    });
  sessionCommand(vault.command('backup').description('add to TARGET what it lacks of this vault: new evidence objects, a database snapshot, the key header, the latest checkpoint'))
    .requiredOption('--to <target>', 'a folder (USB stick, network share) or s3://bucket/prefix (AWS_* environment, CUSTODIA_S3_PATH_STYLE=1)')
    .action(async (opts: SessionOptions & { to: string }) => {
      const target = await openTarget(opts.to);
      const r = await withSession(opts, (s) => backupVault(s, target, progressToStderr('backing up'))).finally(() => target.close());
      printResult(opts, r, () => `backup ${r.sequence} written: ${r.objectsWritten} of ${r.objects} evidence objects were new, ${r.bytesWritten} bytes written`);
    });
  vault
    .command('restore')
    .description('make a new vault from the latest backup on TARGET, checked file by file and with log verify (passphrase: CUSTODIA_PASSPHRASE or prompt)')
    .requiredOption('--from <target>', 'where the backups are (as given to vault backup --to)')
    .requiredOption('--vault <file>', 'the new vault database file (must not exist)')
    .requiredOption('--user <name>', 'any user of the backed-up vault, to open and verify it')
    .option('--json', 'print one JSON object')
    .action(async (opts: OutputOptions & { from: string; vault: string; user: string }) => {
      const passphrase = await readPassphrase('CUSTODIA_PASSPHRASE', `passphrase for ${opts.user}: `);
      const target = await openTarget(opts.from);
      const r = await restoreVault({ target, vaultPath: opts.vault, user: opts.user, passphrase, onProgress: progressToStderr('restoring') }).finally(() => target.close());
      printResult(opts, r, () => `restored backup ${r.sequence} to ${opts.vault}: ${r.objects} evidence objects, ${r.entries} custody entries, verified against ${r.checkpoints} checkpoints`);
    });
  sessionCommand(vault.command('erase').description("erase this laptop's copy of the vault now: its key header is overwritten first, so nothing left opens; backups are untouched"))
    .option('--yes', 'erase without asking again (required: there is no undo on this laptop)')
    .action(async (opts: SessionOptions & { yes?: boolean }) => {
      if (!opts.yes) throw new CustodiaError('E_USAGE', 'vault erase needs --yes: it cannot be undone on this laptop (a backup brings the vault back)');
      const r = await withSession(opts, (s) => eraseVault(s));
      printResult(opts, { erased: true, ...r }, () => `erased: nothing on this laptop opened the vault after ${r.unreadableAfterMs.toFixed(0)} ms; its files were gone after ${r.removedAfterMs.toFixed(0)} ms. A backup and any user's passphrase (or the recovery shares) bring it back.`);
    });
}
