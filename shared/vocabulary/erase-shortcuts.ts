// The key combinations a user may choose for the quick erase (Settings): each needs three
// modifiers, so no ordinary typing or app shortcut sets it off. `code` is the physical key
// (KeyboardEvent.code), the same whatever the keyboard layout and whatever Alt turns the key into.
export const ERASE_SHORTCUTS = ['Ctrl+Alt+Shift+E', 'Ctrl+Alt+Shift+X', 'Ctrl+Alt+Shift+9'] as const;
export type EraseShortcut = (typeof ERASE_SHORTCUTS)[number];

const CODES: Record<EraseShortcut, string> = { 'Ctrl+Alt+Shift+E': 'KeyE', 'Ctrl+Alt+Shift+X': 'KeyX', 'Ctrl+Alt+Shift+9': 'Digit9' };

/** Whether a key press is the shortcut (Cmd stands for Ctrl on a Mac). */
export function isEraseShortcut(shortcut: EraseShortcut, e: { ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean; code: string }): boolean {
  return (e.ctrlKey || e.metaKey) && e.altKey && e.shiftKey && e.code === CODES[shortcut];
}
