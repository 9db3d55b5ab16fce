// T7 fuzzed incident files: byte mutations of a real incident, and generated JSON that is deep,
// repeats keys, mixes encodings. Reading and validating answer an incident or a stable
// bad-input code; never a crash or a hang. A few runs go through the CLI.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateIncidents } from '../../main/records/bulk-import';
import { readIncidentFile, readIncidentList } from '../../main/records/incident-file';
import { incidentText, parseIncident } from '../../main/records/incident-input';
import type { ErrorCode } from '../../shared/errors/error-codes';
import { buildCli, runCli } from '../cli/cli-harness';
import { sampleIncident } from '../dossier/helpers/dossier-fixture';
import { FUZZ_SEED, failures, fuzzCases, inSandboxTmp, mutateBytes, outcome, pick, prng } from './fuzz-kit';

const ALLOWED: ErrorCode[] = ['E_INVALID_JSON', 'E_INVALID_ENCODING', 'E_JSON_TOO_DEEP', 'E_JSON_DUPLICATE_KEY', 'E_INPUT_TOO_LARGE', 'E_INVALID_INCIDENT', 'E_INVALID_INPUT'];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'custodia-fuzz-incident-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Random JSON-ish text: deep, repetitive, odd strings and numbers, sometimes an incident's keys. */
function generated(rand: () => number): Buffer {
  const keys = [...Object.keys(sampleIncident()), 'a', '__proto__', 'constructor', 'ri\\u0073kLevel', ''];
  const value = (depth: number): string => {
    const k = rand();
    if (depth > 40 || k < 0.3) return pick(rand, ['null', 'true', '1e308', '-0', '"x"', '"\\ud800"', '"\\u0000"', '12345678901234567890', '"é"']);
    if (k < 0.6) return `[${Array.from({ length: Math.floor(rand() * 4) }, () => value(depth + 1)).join(',')}]`;
    return `{${Array.from({ length: Math.floor(rand() * 4) }, () => `"${pick(rand, keys)}":${value(depth + 1)}`).join(',')}}`;
  };
  const text = Buffer.from(value(0));
  const r = rand();
  if (r < 0.15) return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text]);
  if (r < 0.3) return Buffer.concat([text.subarray(0, text.length >> 1), Buffer.from(pick(rand, [[0xc3], [0xed, 0xa0, 0x80], [0xf8, 0x88], [0xff]])), text.subarray(text.length >> 1)]);
  return text;
}

describe('T7 fuzzed incident files never crash or hang', () => {
  it(`${fuzzCases(300)} mutated or generated incident files: an incident or a stable refusal`, async () => {
    const rand = prng(FUZZ_SEED + 2);
    const base = Buffer.from(JSON.stringify(sampleIncident(), null, 1));
    const { value: results, leftovers } = await inSandboxTmp(async () => {
      const out: string[] = [];
      for (let round = 0; round < fuzzCases(300); round++) {
        const path = join(dir, round % 3 === 2 ? 'in.jsonl' : 'in.json');
        const bytes = rand() < 0.6 ? mutateBytes(base, rand) : generated(rand);
        writeFileSync(path, round % 3 === 2 ? Buffer.concat([bytes, Buffer.from('\n'), mutateBytes(base, rand)]) : bytes);
        const r = await outcome(async () => {
          if (path.endsWith('.jsonl')) validateIncidents(await readIncidentList(path));
          else incidentText(parseIncident(await readIncidentFile(path)));
        }, ALLOWED, 10_000);
        out.push(r === 'ok' || r.startsWith('refused:') ? r : `seed ${FUZZ_SEED + 2} round ${round}: ${r}`);
      }
      return out;
    });
    expect(failures(results)).toEqual([]);
    expect(leftovers).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['in.json', 'in.jsonl']);
    for (const code of ['E_INVALID_JSON', 'E_INVALID_ENCODING', 'E_INVALID_INCIDENT']) expect(results).toContain(`refused:${code}`);
  });

  it('through the CLI: exit 0, 1 or 4 and no stack trace', async () => {
    const cli = await buildCli();
    const rand = prng(FUZZ_SEED + 3);
    const base = Buffer.from(JSON.stringify(sampleIncident()));
    for (let round = 0; round < fuzzCases(4); round++) {
      const path = join(dir, `cli-${round}.json`);
      writeFileSync(path, round % 2 ? generated(rand) : mutateBytes(base, rand));
      const r = runCli(cli, ['incident', 'add', '--vault', join(dir, 'none.custodia'), '--user', 'ana', '--case', '1', '--file', path], { CUSTODIA_PASSPHRASE: 'x' });
      expect([0, 1, 4], `round ${round}: ${r.stderr}`).toContain(r.status);
      expect(r.stderr).toMatch(/^error E_[A-Z_]+: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
