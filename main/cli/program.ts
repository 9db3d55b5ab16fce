import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands';

export function buildProgram(): Command {
  const program = new Command('custodia')
    .description('Encrypted evidence custody: vault, custody log, media exhibits and signed dossiers.')
    // Usage errors become CommanderError so they share the `error E_USAGE` format and exit 2;
    // report-failure prints them, so commander's own copy is silenced.
    .exitOverride()
    .configureOutput({ outputError: () => undefined });
  registerCommands(program);
  for (const sub of program.commands) sub.exitOverride();
  return program;
}

export function isHelpOrVersion(e: unknown): boolean {
  return e instanceof CommanderError && ['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(e.code);
}
