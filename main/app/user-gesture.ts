// Whether the user has just clicked or pressed a key in a window. Electron reports real input
// before the page sees it; a script cannot synthesise these events, so a page cannot claim a
// click it did not get.
import type { WebContents } from 'electron';

/** A click opens a link at once; one second leaves room for a slow page, not for a plan. */
export const GESTURE_MS = 1000;

/** Returns a function that answers "was there a gesture just now?" and uses it up. */
export function trackUserGestures(contents: WebContents, now: () => number = Date.now): () => boolean {
  let last = Number.NEGATIVE_INFINITY;
  contents.on('before-mouse-event', (_event, mouse) => {
    if (mouse.type === 'mouseDown' || mouse.type === 'mouseUp') last = now();
  });
  contents.on('before-input-event', (_event, input) => {
    if (input.type === 'keyDown' && (input.key === 'Enter' || input.key === ' ')) last = now();
  });
  return () => {
    const fresh = now() - last <= GESTURE_MS;
    last = Number.NEGATIVE_INFINITY;
    return fresh;
  };
}
