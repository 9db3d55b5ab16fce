// Which binding opens vaults: @signalapp/sqlcipher unless CUSTODIA_DB_DRIVER names another.
// Each is loaded only when chosen, so an install without the optional one still works.
import { CustodiaError } from '../../../shared/errors/error-codes';
import { DRIVER_NAMES, type Driver, type DriverName } from './connection';
import { journeyappsDriver } from './journeyapps-driver';
import { signalDriver } from './signal-driver';

const loaded = new Map<DriverName, Promise<Driver>>();

export function chosenDriverName(env: NodeJS.ProcessEnv = process.env): DriverName {
  const asked = env.CUSTODIA_DB_DRIVER?.trim();
  if (!asked) return 'signal';
  const name = DRIVER_NAMES.find((n) => n === asked);
  if (!name) throw new CustodiaError('E_INVALID_INPUT', `CUSTODIA_DB_DRIVER must be one of ${DRIVER_NAMES.join(', ')} (got "${asked}")`);
  return name;
}

async function load(name: DriverName): Promise<Driver> {
  try {
    if (name === 'journeyapps') return journeyappsDriver((await import('@journeyapps/sqlcipher')).default);
    return signalDriver(await import('@signalapp/sqlcipher'));
  } catch (e) {
    throw new CustodiaError('E_DRIVER_MISSING', `the database driver "${name}" is not installed on this machine (${(e as Error).message})`);
  }
}

export function driver(name: DriverName = chosenDriverName()): Promise<Driver> {
  let d = loaded.get(name);
  if (!d) {
    d = load(name);
    loaded.set(name, d);
    d.catch(() => loaded.delete(name));
  }
  return d;
}
