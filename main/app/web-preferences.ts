// Every window's webPreferences come from here so no window is ever less hardened than another.
import type { WebPreferences } from 'electron';

/** In-memory partition (no "persist:" prefix): nothing the renderer shows reaches a disk cache (T1). */
export const APP_PARTITION = 'custodia';

export function secureWebPreferences(preloadPath: string, development: boolean): WebPreferences {
  return {
    preload: preloadPath,
    partition: APP_PARTITION,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    enableBlinkFeatures: '',
    // A middle click would otherwise open a link in a new window, around setWindowOpenHandler.
    disableBlinkFeatures: 'Auxclick',
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: development,
  };
}
