// Incidents are fetched a page at a time as the virtual list scrolls, so a 100,000-incident
// vault costs one page after unlock, not the whole table.
import { create } from 'zustand';
import { api, unwrap } from '../api';
import type { Request, Response } from '../../../shared/ipc/contract';
import { forgetOnLock } from './reset';

export type IncidentSummary = Response<'incidents.list'>['items'][number];
export type IncidentFilter = Omit<Request<'incidents.list'>, 'offset' | 'limit'>;
export const PAGE_SIZE = 100;

interface IncidentsState {
  filter: IncidentFilter;
  total: number | null;
  pages: Record<number, IncidentSummary[]>;
  /** Bumped on every filter change so a late page of an old query is dropped. */
  generation: number;
  setFilter(filter: IncidentFilter): Promise<void>;
  ensurePage(page: number): Promise<void>;
}

const loading = new Set<string>();

export const useIncidents = create<IncidentsState>()((set, get) => ({
  filter: {},
  total: null,
  pages: {},
  generation: 0,
  setFilter: async (filter) => {
    set((s) => ({ filter, total: null, pages: {}, generation: s.generation + 1 }));
    await get().ensurePage(0);
  },
  ensurePage: async (page) => {
    const { filter, generation, pages } = get();
    const key = `${generation}:${page}`;
    if (pages[page] || loading.has(key)) return;
    loading.add(key);
    try {
      const r = await unwrap(api().incidents.list({ ...filter, offset: page * PAGE_SIZE, limit: PAGE_SIZE }));
      if (get().generation === generation) set((s) => ({ total: r.total, pages: { ...s.pages, [page]: r.items } }));
    } finally {
      loading.delete(key);
    }
  },
}));

forgetOnLock(() => useIncidents.setState((s) => ({ filter: {}, total: null, pages: {}, generation: s.generation + 1 })));
