// T5 (a recipient learns what an exhibit hid): the screen promises "pixels identical" before an
// exhibit exists, from the sealed report only. The promise must match what the strip then does.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectMedia } from '../../main/media/inspect';
import { reportPredictsIdenticalPixels } from '../../main/media/lossless-strip';
import { stripMediaToBuffer } from '../../main/media/strip';
import { makeRichImage, tempDir, type ImageFormat } from './fixtures';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const cases: Array<[ImageFormat, number | undefined, boolean]> = [
  ['jpeg', undefined, true],
  ['jpeg', 6, true],
  ['gif', undefined, true],
  ['webp', undefined, true],
  ['webp', 6, false],
  ['avif', undefined, false],
];

describe('the pixels-identical prediction agrees with the strip', () => {
  it.each(cases)('%s, orientation %s: predicted %s', async (format, orientation, expected) => {
    const path = await makeRichImage(dir, format, orientation ? { orientation } : {});
    const report = await inspectMedia(path);
    const predicted = reportPredictsIdenticalPixels(report);
    expect(predicted).toBe(expected);
    const made = await stripMediaToBuffer(readFileSync(path));
    // A prediction of "identical" must never be contradicted by the exhibit's pixel hashes.
    if (predicted) expect(made.pixelsIdentical).toBe(true);
  });
});
