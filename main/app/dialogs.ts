// Main's own file dialogs: the only source of paths the app acts on.
import { dialog, type BrowserWindow } from 'electron';

/** Main's own file dialogs; the renderer only ever learns a token or a display name. */
export interface Dialogs {
  pickEvidenceFiles(): Promise<string[]>;
  pickDossier(): Promise<string | null>;
  pickVault(): Promise<string | null>;
  chooseVaultLocation(suggestedName: string): Promise<string | null>;
  chooseDossierDestination(suggestedName: string): Promise<string | null>;
  chooseCheckpointDestination(suggestedName: string): Promise<string | null>;
  pickLogPackage(): Promise<string | null>;
  chooseLogPackageDestination(suggestedName: string): Promise<string | null>;
  chooseCsvDestination(suggestedName: string): Promise<string | null>;
  /** An existing folder to back up to (a USB stick, a share). */
  chooseBackupFolder(): Promise<string | null>;
}

const DOSSIER = [{ name: 'Dossier', extensions: ['zip'] }];
const VAULT = [{ name: 'Custodia', extensions: ['custodia'] }];
const CHECKPOINT = [{ name: 'Checkpoint', extensions: ['json'] }];
const LOG_PACKAGE = [{ name: 'Custody log', extensions: ['json'] }];
const CSV = [{ name: 'CSV', extensions: ['csv'] }];

export function electronDialogs(window: () => BrowserWindow | null): Dialogs {
  const open = async (options: Electron.OpenDialogOptions): Promise<string[]> => {
    const win = window();
    const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return r.canceled ? [] : r.filePaths;
  };
  const save = async (options: Electron.SaveDialogOptions): Promise<string | null> => {
    const win = window();
    const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return r.canceled || !r.filePath ? null : r.filePath;
  };
  return {
    pickEvidenceFiles: () => open({ properties: ['openFile', 'multiSelections'] }),
    pickDossier: async () => (await open({ properties: ['openFile'], filters: DOSSIER }))[0] ?? null,
    pickVault: async () => (await open({ properties: ['openFile'], filters: VAULT }))[0] ?? null,
    chooseVaultLocation: (name) => save({ defaultPath: `${name}.custodia`, filters: VAULT }),
    chooseDossierDestination: (name) => save({ defaultPath: name, filters: DOSSIER }),
    chooseCheckpointDestination: (name) => save({ defaultPath: name, filters: CHECKPOINT }),
    pickLogPackage: async () => (await open({ properties: ['openFile'], filters: LOG_PACKAGE }))[0] ?? null,
    chooseLogPackageDestination: (name) => save({ defaultPath: name, filters: LOG_PACKAGE }),
    chooseCsvDestination: (name) => save({ defaultPath: name, filters: CSV }),
    chooseBackupFolder: async () => (await open({ properties: ['openDirectory', 'createDirectory'] }))[0] ?? null,
  };
}
