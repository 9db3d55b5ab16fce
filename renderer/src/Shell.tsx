// The unlocked app: who is working in which vault, the lock button, the sections, the screen.
import { useCallback } from 'react';
import { useT } from './i18n';
import { useNav, type Route } from './stores/nav-store';
import { useSession } from './stores/session-store';
import { useSettings } from './stores/settings-store';
import { useEraseShortcut } from './use-erase-shortcut';
import { useIdleLock } from './use-idle-lock';
import { Screen } from './Screen';

const SECTIONS: { screen: Route['screen']; roles?: string[] }[] = [
  { screen: 'dashboard' },
  { screen: 'incidents' },
  { screen: 'dossier', roles: ['admin', 'legal'] },
  { screen: 'custody' },
  { screen: 'verifyVault' },
  { screen: 'backup' },
  { screen: 'verifyDossier' },
  { screen: 'users' },
  { screen: 'settings' },
];

export function Shell() {
  const t = useT();
  const status = useSession((s) => s.status);
  const lock = useSession((s) => s.lock);
  const minutes = useSettings((s) => s.settings.autoLockMinutes);
  const { route, go } = useNav();
  const lockNow = useCallback(() => void lock(), [lock]);
  useIdleLock(minutes, lockNow);
  const eraseShortcut = useSettings((s) => s.settings.eraseShortcut);
  const erase = useSession((s) => s.erase);
  const label = status.state === 'unlocked' ? status.label : null;
  // A failure (the vault already gone) has nothing to show: the unlock screen says the rest.
  const eraseNow = useCallback(() => void (label === null ? undefined : erase(label).catch(() => undefined)), [erase, label]);
  useEraseShortcut(eraseShortcut, eraseNow);
  if (status.state !== 'unlocked') return null;
  const role = status.user.role;

  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        <span className="vault-label">{status.label}</span>
        <span className="who">{t('shell.signedIn', { user: status.user.name, role: t(`role.${role}`) })}</span>
        <button type="button" className="lock" onClick={lockNow} aria-keyshortcuts="Control+L Meta+L" title={t('shell.lockHint')}>
          {t('shell.lock')}
        </button>
      </header>
      <nav className="sidebar" aria-label={t('shell.sections')}>
        <ul>
          {SECTIONS.filter((s) => !s.roles || s.roles.includes(role)).map((s) => (
            <li key={s.screen}>
              <button
                type="button"
                aria-current={route.screen === s.screen ? 'page' : undefined}
                onClick={() => go({ screen: s.screen } as Route)}
              >
                {t(`nav.${s.screen}`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">
        <Screen route={route} />
      </main>
    </div>
  );
}
