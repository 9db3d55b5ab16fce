// Fault injection for the crash tests (T9): a named point between two durable steps where the
// process kills itself, inert unless CUSTODIA_CRASH_AT names that point. SIGKILL, not an
// exception: nothing gets to clean up, as with a power cut.
export function crashPoint(name: string): void {
  if (process.env.CUSTODIA_CRASH_AT === name) process.kill(process.pid, 'SIGKILL');
}
