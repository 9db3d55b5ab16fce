import { create } from 'zustand';
import { forgetOnLock } from './reset';

export type Route =
  | { screen: 'dashboard' }
  | { screen: 'incidents' }
  | { screen: 'incident'; id: number }
  | { screen: 'incidentForm'; caseId: number; id?: number }
  | { screen: 'evidence'; id: number; incidentId: number }
  | { screen: 'custody'; subject?: string }
  | { screen: 'verifyVault' }
  | { screen: 'backup' }
  | { screen: 'dossier'; incidentIds?: number[] }
  | { screen: 'verifyDossier' }
  | { screen: 'users' }
  | { screen: 'settings' };

interface NavState {
  route: Route;
  go(route: Route): void;
}

export const useNav = create<NavState>()((set) => ({
  route: { screen: 'dashboard' },
  go: (route) => set({ route }),
}));

forgetOnLock(() => useNav.setState({ route: { screen: 'dashboard' } }));
