import { create } from 'zustand';
import { api, unwrap } from '../api';
import type { Response } from '../../../shared/ipc/contract';
import { forgetOnLock } from './reset';

type CaseSummary = Response<'cases.list'>[number];

interface CasesState {
  cases: CaseSummary[];
  load(): Promise<void>;
  add(title: string): Promise<number>;
  setStatus(id: number, status: CaseSummary['status']): Promise<void>;
}

export const useCases = create<CasesState>()((set) => ({
  cases: [],
  load: async () => set({ cases: await unwrap(api().cases.list()) }),
  add: async (title) => {
    const { id } = await unwrap(api().cases.add({ title }));
    set({ cases: await unwrap(api().cases.list()) });
    return id;
  },
  setStatus: async (id, status) => {
    await unwrap(api().cases.setStatus({ id, status }));
    set({ cases: await unwrap(api().cases.list()) });
  },
}));

forgetOnLock(() => useCases.setState({ cases: [] }));
