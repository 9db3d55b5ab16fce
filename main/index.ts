// Composition root: declare the scheme, take the single-instance lock, build the services and
// the handler table, register IPC, then open the one window. Nothing else constructs these.
import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { EVENT_CHANNEL } from '../shared/ipc/bridge';
import { declareAppScheme, serveApp } from './app/app-scheme';
import { electronDialogs } from './app/dialogs';
import { watchIdle } from './app/idle-lock';
import { installNavigationGuards } from './app/navigation-guards';
import { hardenSession } from './app/session-hardening';
import { appSession, createMainWindow } from './app/window';
import type { HandlerContext } from './ipc/context';
import { createDispatcher } from './ipc/dispatcher';
import { FileTokens } from './ipc/file-tokens';
import { buildHandlerTable } from './ipc/handler-table';
import { lockNow } from './ipc/handlers/vault-handlers';
import { registerIpc } from './ipc/register-ipc';
import { SettingsStore } from './app/settings-store';
import { chromiumLocale } from './app/app-locale';
import { wipeFreedMemory } from './vault/keyed-database';

const development = !app.isPackaged && process.env.CUSTODIA_DEV === '1';
let window: BrowserWindow | null = null;

declareAppScheme();
app.enableSandbox();
const settings = new SettingsStore(join(app.getPath('userData'), 'settings.json'));
app.commandLine.appendSwitch('lang', chromiumLocale(settings.get().language));
// The app stays open after a lock: what SQLCipher frees must not linger (T2).
wipeFreedMemory();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('web-contents-created', (_event, contents) => installNavigationGuards(contents));
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(start);
}

function start(): void {
  const ses = appSession();
  hardenSession(ses);
  serveApp(ses, join(import.meta.dirname, '..', 'renderer'));

  const ctx: HandlerContext = {
    settings,
    dialogs: electronDialogs(() => window),
    files: new FileTokens(),
    emit: (event) => window?.webContents.send(EVENT_CHANNEL, event),
    appVersion: app.getVersion(),
    session: null,
  };
  registerIpc(createDispatcher(buildHandlerTable(), ctx), () => ctx.settings.get().language);
  watchIdle(
    () => ctx.settings.get().autoLockMinutes,
    () => {
      if (ctx.session) void lockNow(ctx, 'idle');
    },
  );
  app.on('before-quit', () => {
    if (ctx.session) void lockNow(ctx, 'system');
  });
  window = createMainWindow(join(import.meta.dirname, 'preload.cjs'), development);
  window.on('closed', () => (window = null));
}
