// The organisation's time zone, in which every time of day is shown and new incidents take
// their offset. It defaults to the system's (America/Lima on a computer set up in Peru). It is
// kept on this computer: the settings channel of main has no field for it yet.
import { create } from 'zustand';

const KEY = 'custodia.timeZone';

export const systemTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

function validZone(zone: string | null): zone is string {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function stored(): string {
  const zone = globalThis.localStorage?.getItem(KEY) ?? null;
  return validZone(zone) ? zone : systemTimeZone();
}

interface TimeZoneState { timeZone: string; setTimeZone(zone: string): void }

export const useTimeZone = create<TimeZoneState>()((set) => ({
  timeZone: stored(),
  setTimeZone: (zone) => {
    if (!validZone(zone)) return;
    globalThis.localStorage?.setItem(KEY, zone);
    set({ timeZone: zone });
  },
}));
