// A stand-in for the `electron` module (no binary here): records what the shell asks of it.
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

export class FakeContents {
  readonly listeners = new Map<string, Listener[]>();
  openHandler: ((d: { url: string }) => { action: string }) | null = null;
  on(event: string, fn: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
    return this;
  }
  setWindowOpenHandler(fn: (d: { url: string }) => { action: string }) {
    this.openHandler = fn;
  }
  /** Fires an event the way Electron would, returning whether a listener prevented it. */
  emit(event: string, ...args: unknown[]): boolean {
    let prevented = false;
    const e = { preventDefault: () => (prevented = true) };
    for (const fn of this.listeners.get(event) ?? []) fn(e, ...args);
    return prevented;
  }
}

export const electron = {
  created: [] as { options: Record<string, unknown>; contents: FakeContents; url: string }[],
  handlers: new Map<string, Listener>(),
  exposed: new Map<string, unknown>(),
  invoked: [] as { channel: string; request: unknown }[],
  rendererListeners: new Map<string, Listener>(),
  openExternal: vi.fn(async (_url: string) => undefined),
};

export function electronModule() {
  class BrowserWindow {
    readonly webContents = new FakeContents();
    constructor(readonly options: Record<string, unknown>) {}
    once() {}
    show() {}
    async loadURL(url: string) {
      electron.created.push({ options: this.options, contents: this.webContents, url });
    }
  }
  return {
    BrowserWindow,
    session: { fromPartition: vi.fn() },
    shell: { openExternal: electron.openExternal },
    ipcMain: {
      handle: (channel: string, fn: Listener) => electron.handlers.set(channel, fn),
      removeHandler: (channel: string) => electron.handlers.delete(channel),
    },
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
    ipcRenderer: {
      invoke: async (channel: string, request: unknown) => {
        electron.invoked.push({ channel, request });
        return { ok: true, value: null };
      },
      on: (channel: string, fn: Listener) => electron.rendererListeners.set(channel, fn),
      removeListener: (channel: string) => electron.rendererListeners.delete(channel),
    },
  };
}
