// `custodia vault init`: a new vault whose first user is its admin.
import type { Command } from 'commander';
import { signSessionCheckpoint } from '../../accounts/sealed-changes';
import { createVault } from '../../accounts/vault-session';
import { printResult, type OutputOptions } from '../output';
import { newPassphrase } from '../session-options';

export function registerVaultCommands(program: Command): void {
  const vault = program.command('vault').description('create a vault');
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
}
