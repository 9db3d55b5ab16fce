// What every handler may use. Built once by the composition root (Electron) or the browser-test
// harness; nothing here imports electron, so the same handlers run in plain Node.
import type { AppEvent } from '../../shared/ipc/events';
import type { Channel, ParsedRequest, Response } from '../../shared/ipc/contract';
import type { VaultSession } from '../accounts/vault-session';
import type { Dialogs } from '../app/dialogs';
import type { FileTokens } from './file-tokens';
import type { SettingsStore } from '../app/settings-store';

/** The unlocked vault: the core's session, plus how the renderer names it. Closing drops its key. */
export interface OpenSession {
  readonly vault: VaultSession;
  /** The id of the known-vaults list (derived from the path), not the vault's internal UUID. */
  readonly knownId: string;
  readonly label: string;
}

export interface HandlerContext {
  readonly settings: SettingsStore;
  readonly dialogs: Dialogs;
  readonly files: FileTokens;
  readonly emit: (event: AppEvent) => void;
  readonly appVersion: string;
  session: OpenSession | null;
}

export type Handler<C extends Channel> = (request: ParsedRequest<C>, ctx: HandlerContext) => Promise<Response<C>>;
/** Every channel of the contract has its handler: a missing one fails the typecheck, not a user. */
export type HandlerTable = { [C in Channel]: Handler<C> };
/** A part of the table, as each handlers file exports it. */
export type HandlerGroup = Partial<HandlerTable>;
