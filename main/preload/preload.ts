// The preload publishes one object of named functions (see shared/ipc/bridge.ts) and nothing
// else: no ipcRenderer, no generic invoke. Bundled to one CommonJS file, as sandboxed
// preloads cannot load modules.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge, EVENT_CHANNEL, type Invoke } from '../../shared/ipc/bridge';
import type { AppEvent } from '../../shared/ipc/events';

const invoke: Invoke = (channel, request) => ipcRenderer.invoke(channel, request);

function subscribe(listener: (event: AppEvent) => void): () => void {
  // The renderer gets the payload only, never Electron's event object (it carries `sender`).
  const relay = (_e: Electron.IpcRendererEvent, payload: AppEvent) => listener(payload);
  ipcRenderer.on(EVENT_CHANNEL, relay);
  return () => ipcRenderer.removeListener(EVENT_CHANNEL, relay);
}

contextBridge.exposeInMainWorld('custodia', createBridge(invoke, subscribe));
