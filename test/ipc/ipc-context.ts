// A handler context over a temp folder: real settings file, real tokens, dialogs answering
// with whatever the test queues (they stand in for the user clicking in main's dialogs).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppEvent } from '../../shared/ipc/events';
import type { Dialogs } from '../../main/app/dialogs';
import type { HandlerContext } from '../../main/ipc/context';
import { FileTokens } from '../../main/ipc/file-tokens';
import { SettingsStore } from '../../main/app/settings-store';
import { createDispatcher } from '../../main/ipc/dispatcher';
import { buildHandlerTable } from '../../main/ipc/handler-table';

export function testContext(dir = mkdtempSync(join(tmpdir(), 'custodia-ipc-')), emit?: (event: AppEvent) => void) {
  const answers: Partial<Record<keyof Dialogs, unknown[]>> = {};
  const next = <T>(name: keyof Dialogs, fallback: T): T => (answers[name]?.shift() as T | undefined) ?? fallback;
  const events: AppEvent[] = [];
  const ctx: HandlerContext = {
    settings: new SettingsStore(join(dir, 'settings.json')),
    dialogs: {
      pickEvidenceFiles: async () => next('pickEvidenceFiles', []),
      pickDossier: async () => next('pickDossier', null),
      pickVault: async () => next('pickVault', null),
      chooseVaultLocation: async () => next('chooseVaultLocation', null),
      chooseDossierDestination: async () => next('chooseDossierDestination', null),
      chooseCheckpointDestination: async () => next('chooseCheckpointDestination', null),
      pickLogPackage: async () => next('pickLogPackage', null),
      chooseLogPackageDestination: async () => next('chooseLogPackageDestination', null),
      chooseCsvDestination: async () => next('chooseCsvDestination', null),
      chooseBackupFolder: async () => next('chooseBackupFolder', null),
    },
    files: new FileTokens(),
    emit: emit ?? ((e) => events.push(e)),
    appVersion: '0.0.0-test',
    session: null,
  };
  const answer = (name: keyof Dialogs, value: unknown) => (answers[name] = [...(answers[name] ?? []), value]);
  return { ctx, dir, events, answer };
}

/** Calls the real handler table through the real dispatcher, as the preload's functions do. */
export function handlerClient(ctx: HandlerContext) {
  const dispatch = createDispatcher(buildHandlerTable(), ctx);
  const value = async <T>(channel: string, request: unknown): Promise<T> => {
    const r = await dispatch(channel, request);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code}`);
    return r.value as T;
  };
  const code = async (channel: string, request: unknown): Promise<string> => {
    const r = await dispatch(channel, request);
    return r.ok ? 'ok' : r.error.code;
  };
  return { dispatch, value, code };
}
