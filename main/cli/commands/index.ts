// One line per command group; each group lives in its own file beside this one.
import type { Command } from 'commander';
import { registerVaultCommands } from './vault';
import { registerUserCommands } from './user';
import { registerCaseCommands } from './case';
import { registerIncidentCommands } from './incident';
import { registerEvidenceCommands } from './evidence';
import { registerLogCommands } from './log';
import { registerMediaCommands } from './media';
import { registerDossierCommands } from './dossier';
import { registerReportCommands } from './report';

export function registerCommands(program: Command): void {
  registerVaultCommands(program);
  registerUserCommands(program);
  registerCaseCommands(program);
  registerIncidentCommands(program);
  registerEvidenceCommands(program);
  registerLogCommands(program);
  registerMediaCommands(program);
  registerDossierCommands(program);
  registerReportCommands(program);
}
