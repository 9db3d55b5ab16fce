// Progress that main reports while it imports, verifies or exports.
import { create } from 'zustand';
import type { ProgressEvent } from '../../../shared/ipc/events';
import { forgetOnLock } from './reset';

interface ProgressState {
  items: Record<string, ProgressEvent>;
  report(event: ProgressEvent): void;
  clear(task: ProgressEvent['task']): void;
}

export const useProgress = create<ProgressState>()((set) => ({
  items: {},
  report: (event) => set((s) => ({ items: { ...s.items, [`${event.task}:${event.item}`]: event } })),
  clear: (task) =>
    set((s) => ({ items: Object.fromEntries(Object.entries(s.items).filter(([, e]) => e.task !== task)) })),
}));

forgetOnLock(() => useProgress.setState({ items: {} }));
