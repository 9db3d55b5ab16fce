// Installed on every window (T8): the page can neither leave app:// nor open windows; https
// links the user clicks go to the system browser through the one helper that allows them.
import type { WebContents } from 'electron';
import { openExternal } from './open-external';

export function installNavigationGuards(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openExternal(url);
    return { action: 'deny' };
  });
}
