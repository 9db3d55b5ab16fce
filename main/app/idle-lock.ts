// Locks the vault when the machine is idle, locked or asleep (T2), whatever the renderer does:
// a hung or compromised page cannot keep the vault open.
import { powerMonitor } from 'electron';

const POLL_MS = 15_000;

export function watchIdle(idleMinutes: () => number, lock: () => void): () => void {
  const timer = setInterval(() => {
    if (powerMonitor.getSystemIdleTime() >= idleMinutes() * 60) lock();
  }, POLL_MS);
  powerMonitor.on('lock-screen', lock);
  powerMonitor.on('suspend', lock);
  return () => {
    clearInterval(timer);
    powerMonitor.off('lock-screen', lock);
    powerMonitor.off('suspend', lock);
  };
}
