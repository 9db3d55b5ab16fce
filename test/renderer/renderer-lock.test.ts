// T2: a lock leaves no vault data in the renderer's stores, and revokes every blob: URL that
// held decrypted bytes, so they can be collected.
import { describe, expect, it, vi } from 'vitest';
import { useCases } from '../../renderer/src/stores/cases-store';
import { useEvidence } from '../../renderer/src/stores/evidence-store';
import { useIncidents } from '../../renderer/src/stores/incidents-store';
import { useNav } from '../../renderer/src/stores/nav-store';
import { useProgress } from '../../renderer/src/stores/progress-store';
import { dropEverything } from '../../renderer/src/stores/reset';

describe('T2 seized while unlocked: locking empties the renderer', () => {
  it('drops cases, incidents, evidence, progress and the current screen', () => {
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    useCases.setState({ cases: [{ id: 1, title: 'Amenazas en Tres Islas', status: 'open', incidentCount: 1, createdAt: '2026-10-02' }] });
    useIncidents.setState({ total: 1, pages: { 0: [] }, filter: { query: 'desaparecer' } });
    useEvidence.setState({
      byIncident: { 1: [] },
      urls: { 'original:1': 'blob:app://custodia/a', 'exhibit:1': 'blob:app://custodia/b' },
    });
    useProgress.setState({ items: { 'import:foto.jpg': { kind: 'progress', task: 'import', item: 'foto.jpg', done: 1, total: 2 } } });
    useNav.setState({ route: { screen: 'evidence', id: 1, incidentId: 1 } });

    dropEverything();

    expect(useCases.getState().cases).toEqual([]);
    expect(useIncidents.getState()).toMatchObject({ total: null, pages: {}, filter: {} });
    expect(useEvidence.getState()).toMatchObject({ byIncident: {}, detail: null, urls: {} });
    expect(useProgress.getState().items).toEqual({});
    expect(useNav.getState().route).toEqual({ screen: 'dashboard' });
    expect(revoke.mock.calls.map(([u]) => u).sort()).toEqual(['blob:app://custodia/a', 'blob:app://custodia/b']);
  });
});
