import { create } from 'zustand';
import { api, unwrap } from '../api';
import type { Response } from '../../../shared/ipc/contract';

type Settings = Response<'settings.get'>;

interface SettingsState {
  settings: Settings;
  load(): Promise<void>;
  update(patch: Partial<Settings>): Promise<void>;
}

export const useSettings = create<SettingsState>()((set) => ({
  settings: { language: 'es', autoLockMinutes: 5, backupReminderDays: 7, eraseAfterFailedUnlocks: null, eraseShortcut: null },
  load: async () => set({ settings: await unwrap(api().settings.get()) }),
  update: async (patch) => set({ settings: await unwrap(api().settings.set(patch)) }),
}));
