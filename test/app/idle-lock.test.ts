// T2, the laptop seized while unlocked: main locks the vault after the idle minutes chosen, when
// the screen locks and when the machine sleeps, whatever the page does. Time is faked.
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const monitor = Object.assign(new EventEmitter(), { idleSeconds: 0, getSystemIdleTime: () => monitor.idleSeconds });
vi.mock('electron', () => ({ powerMonitor: monitor }));

const { watchIdle } = await import('../../main/app/idle-lock');

beforeEach(() => {
  vi.useFakeTimers();
  monitor.idleSeconds = 0;
});
afterEach(() => vi.useRealTimers());

describe('T2: main locks on its own', () => {
  it('after the chosen idle minutes, not before', () => {
    const lock = vi.fn();
    const stop = watchIdle(() => 5, lock);
    monitor.idleSeconds = 4 * 60 + 59;
    vi.advanceTimersByTime(60_000);
    expect(lock).not.toHaveBeenCalled();
    monitor.idleSeconds = 5 * 60;
    vi.advanceTimersByTime(15_000);
    expect(lock).toHaveBeenCalled();
    stop();
  });

  it('when the screen locks or the machine suspends, and not after it stops watching', () => {
    const lock = vi.fn();
    const stop = watchIdle(() => 5, lock);
    monitor.emit('lock-screen');
    monitor.emit('suspend');
    expect(lock).toHaveBeenCalledTimes(2);
    stop();
    monitor.emit('suspend');
    monitor.idleSeconds = 3600;
    vi.advanceTimersByTime(60_000);
    expect(lock).toHaveBeenCalledTimes(2);
  });
});
