// The vault's lock state. Locking asks main to drop the key, then every store forgets its data.
import { create } from 'zustand';
import { api, unwrap } from '../api';
import type { Response } from '../../../shared/ipc/contract';
import { dropEverything } from './reset';

type Status = Response<'vault.status'>;
type Known = Response<'vault.known'>;

interface SessionState {
  status: Status;
  known: Known;
  /** True once the first status and vault list arrived from main. */
  refreshed: boolean;
  refresh(): Promise<void>;
  pickExisting(): Promise<string | null>;
  create(label: string, user: string, passphrase: string): Promise<void>;
  /** A vault made again from a backup folder (main asks for the folder and where the vault goes). */
  restore(label: string, user: string, passphrase: string): Promise<void>;
  unlock(vaultId: string, user: string, passphrase: string): Promise<void>;
  /** First unlock: the one-time passphrase an admin gave, replaced by the user's own. */
  activate(vaultId: string, user: string, oneTimePassphrase: string, newPassphrase: string): Promise<void>;
  lock(): Promise<void>;
  /** Erases this laptop's copy; label is the vault's name as the user typed it. */
  erase(label: string): Promise<void>;
  lockedByMain(): void;
}

export const useSession = create<SessionState>()((set, get) => ({
  status: { state: 'locked' },
  known: [],
  refreshed: false,
  refresh: async () => {
    const [status, known] = await Promise.all([unwrap(api().vault.status()), unwrap(api().vault.known())]);
    set({ status, known, refreshed: true });
  },
  pickExisting: async () => {
    const picked = await unwrap(api().vault.pickExisting());
    if (picked) set({ known: await unwrap(api().vault.known()) });
    return picked?.id ?? null;
  },
  create: async (label, user, passphrase) => {
    const status = await unwrap(api().vault.create({ label, user, passphrase }));
    if (status) set({ status, known: await unwrap(api().vault.known()) });
  },
  restore: async (label, user, passphrase) => {
    const status = await unwrap(api().vault.restore({ label, user, passphrase }));
    if (status) set({ status, known: await unwrap(api().vault.known()) });
  },
  unlock: async (vaultId, user, passphrase) => {
    set({ status: await unwrap(api().vault.unlock({ vaultId, user, passphrase })) });
  },
  activate: async (vaultId, user, oneTimePassphrase, newPassphrase) => {
    set({ status: await unwrap(api().session.activate({ vaultId, user, oneTimePassphrase, newPassphrase })) });
  },
  lock: async () => {
    // Forget first: even if main is slow to answer, nothing stays on screen.
    dropEverything();
    set({ status: { state: 'locked' } });
    await unwrap(api().vault.lock());
  },
  erase: async (label) => {
    await unwrap(api().vault.erase({ label }));
    dropEverything();
    set({ status: { state: 'locked' }, known: await unwrap(api().vault.known()) });
  },
  lockedByMain: () => {
    if (get().status.state === 'unlocked') {
      dropEverything();
      set({ status: { state: 'locked' } });
    }
  },
}));
