// Electron's side of the door: one ipcMain.handle per contract channel, each checking the
// sender frame before handing the call to the shared dispatcher. Nothing else registers IPC.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS, type Envelope } from '../../shared/ipc/contract';
import { errorMessage } from '../../shared/i18n/error-messages';
import type { Language } from '../../shared/vocabulary/languages';
import type { Dispatch } from './dispatcher';
import { isTrustedSender } from './sender';

export function registerIpc(dispatch: Dispatch, language: () => Language): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, request: unknown): Promise<Envelope<unknown>> => {
      if (!isTrustedSender(event.senderFrame, event.sender.mainFrame)) {
        return Promise.resolve({ ok: false, error: { code: 'E_IPC_SENDER', message: errorMessage('E_IPC_SENDER', language()) } });
      }
      return dispatch(channel, request);
    });
  }
  return () => CHANNELS.forEach((c) => ipcMain.removeHandler(c));
}
