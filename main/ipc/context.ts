// What every handler may use. Built once by the composition root (Electron) or the browser-test
// harness; nothing here imports electron, so the same handlers run in plain Node.
import type { AppEvent } from '../../shared/ipc/events';
import type { Channel, ParsedRequest, Response } from '../../shared/ipc/contract';
import type { FileTokens } from './file-tokens';
import type { SettingsStore } from './settings-store';

/** Main's own file dialogs; the renderer only ever learns a token or a display name. */
export interface Dialogs {
  pickEvidenceFiles(): Promise<string[]>;
  pickDossier(): Promise<string | null>;
  pickVault(): Promise<string | null>;
  chooseVaultLocation(suggestedName: string): Promise<string | null>;
  chooseDossierDestination(suggestedName: string): Promise<string | null>;
}

/** The unlocked vault, whatever the core's session type is; closing it drops its key. */
export interface OpenSession {
  readonly vaultId: string;
  readonly label: string;
  readonly user: { name: string; role: 'admin' | 'documenter' | 'legal' | 'auditor' };
  close(): void | Promise<void>;
}

export interface HandlerContext {
  readonly settings: SettingsStore;
  readonly dialogs: Dialogs;
  readonly files: FileTokens;
  readonly emit: (event: AppEvent) => void;
  readonly openExternal: (url: string) => Promise<void>;
  readonly appVersion: string;
  session: OpenSession | null;
}

export type Handler<C extends Channel> = (request: ParsedRequest<C>, ctx: HandlerContext) => Promise<Response<C>>;
export type HandlerTable = { [C in Channel]?: Handler<C> };
