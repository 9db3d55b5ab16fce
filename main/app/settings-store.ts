// App settings and the list of known vaults, kept outside any vault (they are needed before an
// unlock). They hold no secret: a language, an idle delay, where vault files live, and how many
// unlocks of each failed in a row (for the opt-in erase).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileStem, samePath } from '../platform/path-names';
import { z } from 'zod';
import { settingsSchema } from '../../shared/ipc/schemas';
import { DEFAULT_LANGUAGE } from '../../shared/vocabulary/languages';
import { writeFileAtomicSync } from '../platform/atomic-write';

export type Settings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = { language: DEFAULT_LANGUAGE, autoLockMinutes: 5, backupReminderDays: 7, eraseAfterFailedUnlocks: null, eraseShortcut: null };

const fileSchema = z.object({
  settings: settingsSchema.partial().default({}),
  vaults: z.array(z.object({ path: z.string(), label: z.string() })).default([]),
  /** Failed unlocks in a row per vault id, kept across restarts so quitting does not reset them. */
  failedUnlocks: z.record(z.string(), z.number().int().nonnegative()).default({}),
});

export class SettingsStore {
  private data: z.infer<typeof fileSchema>;

  constructor(private readonly file: string) {
    this.data = SettingsStore.read(file);
  }

  private static read(file: string): z.infer<typeof fileSchema> {
    try {
      return fileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch {
      // Missing or damaged settings fall back to defaults: they hold nothing that cannot be re-chosen.
      return { settings: {}, vaults: [], failedUnlocks: {} };
    }
  }

  get(): Settings {
    return { ...DEFAULT_SETTINGS, ...this.data.settings };
  }

  set(patch: Partial<Settings>): Settings {
    this.data.settings = { ...this.get(), ...patch };
    this.save();
    return this.get();
  }

  vaults(): { id: string; label: string; path: string }[] {
    return this.data.vaults.map((v) => ({ ...v, id: vaultId(v.path) }));
  }

  rememberVault(path: string, label?: string): { id: string; label: string } {
    const known = this.vaults().find((v) => samePath(v.path, path));
    if (known) return { id: known.id, label: known.label };
    const entry = { path, label: label ?? fileStem(path) };
    this.data.vaults.push(entry);
    this.save();
    return { id: vaultId(path), label: entry.label };
  }

  /** After an erase: the vault is gone from this laptop, and so is its entry in the list. */
  forgetVault(path: string): void {
    this.data.vaults = this.data.vaults.filter((v) => !samePath(v.path, path));
    delete this.data.failedUnlocks[vaultId(path)];
    this.save();
  }

  /** Counts a failed unlock of the vault; returns how many failed in a row. */
  unlockFailed(id: string): number {
    const n = (this.data.failedUnlocks[id] ?? 0) + 1;
    this.data.failedUnlocks[id] = n;
    this.save();
    return n;
  }

  unlockSucceeded(id: string): void {
    if (!this.data.failedUnlocks[id]) return;
    delete this.data.failedUnlocks[id];
    this.save();
  }

  pathOf(id: string): string | undefined {
    return this.vaults().find((v) => v.id === id)?.path;
  }

  private save(): void {
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileAtomicSync(this.file, JSON.stringify(this.data, null, 2));
  }
}

/** A stable id for a vault path, so the renderer refers to vaults without seeing paths. */
export function vaultId(path: string): string {
  return createHash('sha256').update(path).digest('hex').slice(0, 16);
}
