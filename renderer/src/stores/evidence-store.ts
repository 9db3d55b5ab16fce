// Evidence shown on screen: lists, one item's detail, and the decrypted bytes being displayed as
// blob: URLs. On lock every URL is revoked so the bytes can be collected (T2).
import { create } from 'zustand';
import { api, unwrap } from '../api';
import type { Response } from '../../../shared/ipc/contract';
import { forgetOnLock } from './reset';

type Summary = Response<'evidence.list'>[number];
type Detail = Response<'evidence.get'>;

interface EvidenceState {
  byIncident: Record<number, Summary[]>;
  detail: Detail | null;
  urls: Record<string, string>;
  loadForIncident(incidentId: number): Promise<void>;
  loadDetail(id: number): Promise<void>;
  display(id: number, which: 'original' | 'exhibit' | 'thumbnail'): Promise<string | null>;
}

function toUrl(bytes: { mediaType: string; base64: string }): string {
  const raw = Uint8Array.from(atob(bytes.base64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([raw], { type: bytes.mediaType }));
}

export const useEvidence = create<EvidenceState>()((set, get) => ({
  byIncident: {},
  detail: null,
  urls: {},
  loadForIncident: async (incidentId) => {
    const items = await unwrap(api().evidence.list({ incidentId }));
    set((s) => ({ byIncident: { ...s.byIncident, [incidentId]: items } }));
  },
  loadDetail: async (id) => set({ detail: await unwrap(api().evidence.get({ id })) }),
  display: async (id, which) => {
    const key = `${which}:${id}`;
    const known = get().urls[key];
    if (known) return known;
    const bytes = which === 'thumbnail' ? await unwrap(api().evidence.thumbnail({ id })) : await unwrap(api().evidence.view({ id, which }));
    if (!bytes) return null;
    const url = toUrl(bytes);
    set((s) => ({ urls: { ...s.urls, [key]: url } }));
    return url;
  },
}));

forgetOnLock(() => {
  for (const url of Object.values(useEvidence.getState().urls)) URL.revokeObjectURL(url);
  useEvidence.setState({ byIncident: {}, detail: null, urls: {} });
});
