import { useEffect } from 'react';
import { api } from './api';
import { I18n } from './i18n';
import { Shell } from './Shell';
import { UnlockScreen } from './screens/UnlockScreen';
import { useProgress } from './stores/progress-store';
import { useSession } from './stores/session-store';
import { useSettings } from './stores/settings-store';
import { useTimeZone } from './stores/time-zone-store';

export function App() {
  const language = useSettings((s) => s.settings.language);
  const unlocked = useSession((s) => s.status.state === 'unlocked');
  const timeZone = useTimeZone((s) => s.timeZone);

  useEffect(() => {
    void useSettings.getState().load();
    void useSession.getState().refresh();
    return api().onEvent((event) => {
      if (event.kind === 'locked') useSession.getState().lockedByMain();
      else useProgress.getState().report(event);
    });
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  return <I18n language={language} timeZone={timeZone}>{unlocked ? <Shell /> : <UnlockScreen />}</I18n>;
}
