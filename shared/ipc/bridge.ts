// The table of contents the preload publishes: named functions only, never a generic invoke.
// Built from a transport so Electron's preload and the browser-test harness expose the same shape.
import type { Channel, Envelope, Request, Response } from './contract';
import type { AppEvent } from './events';

/** The one channel main sends events on (kept here, not beside the zod schemas, so the preload stays dependency-free). */
export const EVENT_CHANNEL = 'custodia:event';

export type Invoke = <C extends Channel>(channel: C, request: Request<C>) => Promise<Envelope<Response<C>>>;
export type Subscribe = (listener: (event: AppEvent) => void) => () => void;

type Call<C extends Channel> = (request: Request<C>) => Promise<Envelope<Response<C>>>;
type Call0<C extends Channel> = () => Promise<Envelope<Response<C>>>;

export interface CustodiaApi {
  app: { info: Call0<'app.info'> };
  settings: { get: Call0<'settings.get'>; set: Call<'settings.set'> };
  vault: {
    known: Call0<'vault.known'>; pickExisting: Call0<'vault.pickExisting'>; create: Call<'vault.create'>; restore: Call<'vault.restore'>;
    unlock: Call<'vault.unlock'>; lock: Call0<'vault.lock'>; status: Call0<'vault.status'>; verify: Call0<'vault.verify'>;
    erase: Call<'vault.erase'>;
  };
  /** First unlock of a user an admin added (E_MUST_ACTIVATE at vault.unlock). */
  session: { activate: Call<'session.activate'> };
  cases: { list: Call0<'cases.list'>; add: Call<'cases.add'>; setStatus: Call<'cases.setStatus'> };
  incidents: {
    list: Call<'incidents.list'>; get: Call<'incidents.get'>; add: Call<'incidents.add'>;
    edit: Call<'incidents.edit'>; versions: Call<'incidents.versions'>;
  };
  drafts: { save: Call<'drafts.save'>; get: Call<'drafts.get'>; discard: Call<'drafts.discard'> };
  evidence: {
    pick: Call0<'evidence.pick'>; import: Call<'evidence.import'>; list: Call<'evidence.list'>; get: Call<'evidence.get'>;
    thumbnail: Call<'evidence.thumbnail'>; view: Call<'evidence.view'>; makeExhibit: Call<'evidence.makeExhibit'>;
    uploadBegin: Call<'evidence.uploadBegin'>; uploadChunk: Call<'evidence.uploadChunk'>;
    uploadEnd: Call<'evidence.uploadEnd'>; uploadAbort: Call<'evidence.uploadAbort'>;
  };
  backup: { status: Call0<'backup.status'>; toFolder: Call0<'backup.toFolder'> };
  custody: {
    timeline: Call<'custody.timeline'>; saveCheckpoint: Call0<'custody.saveCheckpoint'>;
    exportPackage: Call0<'custody.exportPackage'>; pickPackage: Call0<'custody.pickPackage'>; verifyPackage: Call<'custody.verifyPackage'>;
  };
  dossier: {
    disclosure: Call<'dossier.disclosure'>; export: Call<'dossier.export'>; pick: Call0<'dossier.pick'>; verify: Call<'dossier.verify'>;
  };
  dashboard: { stats: Call<'dashboard.stats'>; saveCsv: Call<'dashboard.saveCsv'> };
  users: { list: Call0<'users.list'>; add: Call<'users.add'>; changePassphrase: Call<'users.changePassphrase'> };
  onEvent: Subscribe;
}

export function createBridge(invoke: Invoke, subscribe: Subscribe): CustodiaApi {
  return {
    app: { info: () => invoke('app.info', {}) },
    settings: { get: () => invoke('settings.get', {}), set: (r) => invoke('settings.set', r) },
    vault: {
      known: () => invoke('vault.known', {}),
      pickExisting: () => invoke('vault.pickExisting', {}),
      create: (r) => invoke('vault.create', r),
      restore: (r) => invoke('vault.restore', r),
      unlock: (r) => invoke('vault.unlock', r),
      lock: () => invoke('vault.lock', {}),
      erase: (r) => invoke('vault.erase', r),
      status: () => invoke('vault.status', {}),
      verify: () => invoke('vault.verify', {}),
    },
    session: { activate: (r) => invoke('session.activate', r) },
    cases: {
      list: () => invoke('cases.list', {}),
      add: (r) => invoke('cases.add', r),
      setStatus: (r) => invoke('cases.setStatus', r),
    },
    incidents: {
      list: (r) => invoke('incidents.list', r),
      get: (r) => invoke('incidents.get', r),
      add: (r) => invoke('incidents.add', r),
      edit: (r) => invoke('incidents.edit', r),
      versions: (r) => invoke('incidents.versions', r),
    },
    drafts: {
      save: (r) => invoke('drafts.save', r),
      get: (r) => invoke('drafts.get', r),
      discard: (r) => invoke('drafts.discard', r),
    },
    evidence: {
      pick: () => invoke('evidence.pick', {}),
      import: (r) => invoke('evidence.import', r),
      uploadBegin: (r) => invoke('evidence.uploadBegin', r),
      uploadChunk: (r) => invoke('evidence.uploadChunk', r),
      uploadEnd: (r) => invoke('evidence.uploadEnd', r),
      uploadAbort: (r) => invoke('evidence.uploadAbort', r),
      list: (r) => invoke('evidence.list', r),
      get: (r) => invoke('evidence.get', r),
      thumbnail: (r) => invoke('evidence.thumbnail', r),
      view: (r) => invoke('evidence.view', r),
      makeExhibit: (r) => invoke('evidence.makeExhibit', r),
    },
    backup: {
      status: () => invoke('backup.status', {}),
      toFolder: () => invoke('backup.toFolder', {}),
    },
    custody: {
      timeline: (r) => invoke('custody.timeline', r),
      saveCheckpoint: () => invoke('custody.saveCheckpoint', {}),
      exportPackage: () => invoke('custody.exportPackage', {}),
      pickPackage: () => invoke('custody.pickPackage', {}),
      verifyPackage: (r) => invoke('custody.verifyPackage', r),
    },
    dossier: {
      disclosure: (r) => invoke('dossier.disclosure', r),
      export: (r) => invoke('dossier.export', r),
      pick: () => invoke('dossier.pick', {}),
      verify: (r) => invoke('dossier.verify', r),
    },
    dashboard: { stats: (r) => invoke('dashboard.stats', r), saveCsv: (r) => invoke('dashboard.saveCsv', r) },
    users: {
      list: () => invoke('users.list', {}),
      add: (r) => invoke('users.add', r),
      changePassphrase: (r) => invoke('users.changePassphrase', r),
    },
    onEvent: subscribe,
  };
}
