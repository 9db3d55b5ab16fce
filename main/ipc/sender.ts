// Who may call IPC (T8): only the top frame of our own window, showing our own origin.
// A sub-frame, a navigated-away page or another scheme is refused before any parsing.
import { isAppUrl } from '../app/origin';

export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
}

export function isTrustedSender(frame: FrameLike | null | undefined, mainFrame: FrameLike | null | undefined): boolean {
  if (!frame || !mainFrame) return false;
  return frame === mainFrame && frame.parent === null && isAppUrl(frame.url);
}
