// Locks after the idle minutes chosen in settings, and on Ctrl/Cmd+L at once (T2). Main keeps
// its own idle watch too, so a hung page cannot keep the vault open.
import { useEffect } from 'react';

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

export function useIdleLock(minutes: number, lock: () => void): void {
  useEffect(() => {
    let last = Date.now();
    const touch = () => (last = Date.now());
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        lock();
      }
    };
    for (const type of ACTIVITY) window.addEventListener(type, touch, { passive: true });
    window.addEventListener('keydown', onKey);
    const timer = window.setInterval(() => {
      if (Date.now() - last >= minutes * 60_000) lock();
    }, 5_000);
    return () => {
      for (const type of ACTIVITY) window.removeEventListener(type, touch);
      window.removeEventListener('keydown', onKey);
      window.clearInterval(timer);
    };
  }, [minutes, lock]);
}
