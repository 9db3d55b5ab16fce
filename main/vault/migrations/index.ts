// Every schema step in order; the runner applies those above the vault's PRAGMA user_version.
import type { Migration } from './migration';
import { migration as records } from './001-records';
import { migration as custodyLog } from './002-custody-log';
import { migration as media } from './003-media';
import { migration as incidentIndex } from './004-incident-index';
import { migration as caseStatus } from './005-case-status';
import { migration as pendingFiles } from './006-pending-files';
import { migration as liveViews } from './007-live-views';
import { migration as custodyTexts } from './008-custody-texts';
import { migration as personalKeys } from './009-personal-keys';
import { migration as evidenceObjects } from './010-evidence-objects';
import { migration as programmeFigures } from './011-programme-figures';

export const migrations: readonly Migration[] = [records, custodyLog, media, incidentIndex, caseStatus, pendingFiles, liveViews, custodyTexts, personalKeys, evidenceObjects, programmeFigures];
