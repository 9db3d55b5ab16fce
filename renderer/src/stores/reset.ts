// Locking must leave nothing behind (T2): each store that holds vault data registers how to
// forget it, and a lock runs them all.
const resets: (() => void)[] = [];

export function forgetOnLock(reset: () => void): void {
  resets.push(reset);
}

export function dropEverything(): void {
  for (const reset of resets) reset();
}
