// Installed on every window (T8): the page can neither leave app:// nor open windows; a help
// link the user clicks goes to the system browser through the one helper that allows it.
import type { WebContents } from 'electron';
import { openExternal } from './open-external';
import { trackUserGestures } from './user-gesture';

export function installNavigationGuards(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  const justClicked = trackUserGestures(contents);
  contents.setWindowOpenHandler(({ url }) => {
    // Only after a real click: a page may not open even a help link on its own.
    if (justClicked()) void openExternal(url);
    return { action: 'deny' };
  });
}
