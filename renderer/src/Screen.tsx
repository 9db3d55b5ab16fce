import type { Route } from './stores/nav-store';
import { BackupScreen } from './screens/BackupScreen';
import { CustodyScreen } from './screens/CustodyScreen';
import { DashboardScreen } from './screens/DashboardScreen';
import { DossierScreen } from './screens/DossierScreen';
import { EvidenceScreen } from './screens/EvidenceScreen';
import { IncidentForm } from './screens/IncidentForm';
import { IncidentScreen } from './screens/IncidentScreen';
import { IncidentsScreen } from './screens/IncidentsScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { UsersScreen } from './screens/UsersScreen';
import { VerifyDossierScreen } from './screens/VerifyDossierScreen';
import { VerifyVaultScreen } from './screens/VerifyVaultScreen';

export function Screen({ route }: { route: Route }) {
  switch (route.screen) {
    case 'dashboard': return <DashboardScreen />;
    case 'incidents': return <IncidentsScreen />;
    case 'incident': return <IncidentScreen id={route.id} />;
    case 'incidentForm': return <IncidentForm key={`${route.caseId}:${route.id ?? 'new'}`} caseId={route.caseId} id={route.id} />;
    case 'evidence': return <EvidenceScreen key={route.id} id={route.id} incidentId={route.incidentId} />;
    case 'custody': return <CustodyScreen subject={route.subject} />;
    case 'verifyVault': return <VerifyVaultScreen />;
    case 'backup': return <BackupScreen />;
    case 'dossier': return <DossierScreen preselected={route.incidentIds ?? []} />;
    case 'verifyDossier': return <VerifyDossierScreen />;
    case 'users': return <UsersScreen />;
    case 'settings': return <SettingsScreen />;
  }
}
