// Progress of a long step on stderr (stdout stays for the result): whole percentages, each once.
export function progressToStderr(label: string): (fraction: number) => void {
  let last = -1;
  return (fraction) => {
    const pct = Math.floor(Math.max(0, Math.min(1, fraction)) * 100);
    if (pct === last) return;
    last = pct;
    process.stderr.write(`${label}: ${pct}%\n`);
  };
}
