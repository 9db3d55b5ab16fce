// The app's session: no permission is ever granted, no network request leaves, and nothing
// but app:// is loaded (T1, T8).
import type { Session } from 'electron';
import { APP_SCHEME } from './origin';

export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => callback({}));
  ses.on('will-download', (event) => event.preventDefault());
  ses.webRequest.onBeforeRequest((details, callback) => {
    const scheme = new URL(details.url).protocol.slice(0, -1);
    callback({ cancel: scheme !== APP_SCHEME && scheme !== 'blob' && scheme !== 'devtools' });
  });
}
