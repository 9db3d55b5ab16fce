// One line per command group; each group lives in its own file beside this one.
import type { Command } from 'commander';

export function registerCommands(program: Command): void {
  void program;
}
