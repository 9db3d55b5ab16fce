// The drivers these suites run on: both in CI (where .ci/run builds the optional one) and on any
// machine that built it; a checkout without a compiler tests the default driver and says so.
import { DRIVER_NAMES, type DriverName } from '../../../main/vault/drivers/connection';

const journeyapps = await import('@journeyapps/sqlcipher').then(() => true, () => false);
if (!journeyapps && !process.env.CI) {
  console.warn('the optional driver @journeyapps/sqlcipher is not installed here: its conformance and cross-open tests are skipped (CI runs them)');
}

export const TESTED_DRIVERS: readonly DriverName[] = DRIVER_NAMES.filter((n) => n !== 'journeyapps' || journeyapps || process.env.CI);
export const BOTH_DRIVERS = TESTED_DRIVERS.length === DRIVER_NAMES.length;
