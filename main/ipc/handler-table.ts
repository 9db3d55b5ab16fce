// The handler table: every channel of the contract, in one place. Plain Node, so Electron's
// ipcMain and the browser-test harness serve the very same handlers.
import type { HandlerTable } from './context';
import { appHandlers } from './handlers/app-handlers';
import { backupHandlers } from './handlers/backup-handlers';
import { custodyHandlers } from './handlers/custody-handlers';
import { dossierHandlers } from './handlers/dossier-handlers';
import { draftHandlers } from './handlers/draft-handlers';
import { evidenceHandlers } from './handlers/evidence-handlers';
import { uploadHandlers } from './handlers/evidence-upload';
import { fileHandlers } from './handlers/file-handlers';
import { recordHandlers } from './handlers/record-handlers';
import { sessionHandlers } from './handlers/session-handlers';
import { userHandlers } from './handlers/user-handlers';
import { vaultHandlers } from './handlers/vault-handlers';

export function buildHandlerTable(): HandlerTable {
  // satisfies: a channel of the contract without a handler here is a type error.
  return {
    ...appHandlers,
    ...vaultHandlers,
    ...sessionHandlers,
    ...fileHandlers,
    ...recordHandlers,
    ...draftHandlers,
    ...evidenceHandlers,
    ...uploadHandlers,
    ...custodyHandlers,
    ...backupHandlers,
    ...userHandlers,
    ...dossierHandlers,
  } satisfies HandlerTable;
}
