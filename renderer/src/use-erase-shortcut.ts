// The quick erase on the key combination the user chose in Settings (off unless chosen): in a
// raid there is no time for a dialog, so it erases the open vault at once (T2).
import { useEffect } from 'react';
import { isEraseShortcut, type EraseShortcut } from '../../shared/vocabulary/erase-shortcuts';

export function useEraseShortcut(shortcut: EraseShortcut | null, erase: () => void): void {
  useEffect(() => {
    if (!shortcut) return;
    const onKey = (e: KeyboardEvent) => {
      if (!isEraseShortcut(shortcut, e)) return;
      e.preventDefault();
      erase();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shortcut, erase]);
}
