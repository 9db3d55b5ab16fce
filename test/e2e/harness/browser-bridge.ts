// What the preload publishes in Electron, built from the same table (shared/ipc/bridge.ts), but
// carried by a Playwright binding instead of ipcRenderer. Only the transport differs.
import { createBridge, type Invoke } from '../../../shared/ipc/bridge';
import type { AppEvent } from '../../../shared/ipc/events';

interface HarnessWindow {
  __custodiaInvoke: (channel: string, request: unknown) => ReturnType<Invoke>;
  __custodiaEmit: (event: AppEvent) => void;
  custodia: ReturnType<typeof createBridge>;
}

const w = window as unknown as HarnessWindow;
const listeners = new Set<(event: AppEvent) => void>();
const invoke = ((channel, request) => w.__custodiaInvoke(channel, request)) as Invoke;

w.__custodiaEmit = (event) => listeners.forEach((l) => l(event));
w.custodia = Object.freeze(
  createBridge(invoke, (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }),
);
