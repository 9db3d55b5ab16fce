// `custodia media inspect|strip`: metadata found in a file, and an exhibit without it.
import type { Command } from 'commander';
import type { MediaReport, StripResult } from '../../../shared/media/media-report';
import { inspectMedia } from '../../media/inspect';
import { stripMedia } from '../../media/strip';
import { printResult, type OutputOptions } from '../output';

export function registerMediaCommands(program: Command): void {
  const media = program.command('media').description('photo metadata: read it, and make exhibits without it');
  media
    .command('inspect')
    .description('list every metadata block and what in it identifies a person, device, place or time')
    .argument('<file>', 'image or other media file')
    .option('--json', 'one JSON object on stdout')
    .action(async (file: string, opts: OutputOptions) => {
      const report = await inspectMedia(file);
      printResult(opts, report, () => describeReport(file, report));
    });
  media
    .command('strip')
    .description('write an exhibit without identifying metadata (JPEG lossless; other images re-encoded)')
    .argument('<in>', 'image to clean')
    .argument('<out>', 'exhibit to write; must not exist yet')
    .option('--json', 'one JSON object on stdout')
    .action(async (input: string, out: string, opts: OutputOptions) => {
      const result = await stripMedia(input, out);
      printResult(opts, result, () => describeStrip(out, result));
    });
}

function describeReport(file: string, r: MediaReport): string {
  const lines = [`${file}: ${r.mediaType}${r.width ? `, ${r.width}x${r.height}` : ''}`];
  lines.push(`blocks: ${r.blocks.length > 0 ? r.blocks.join(', ') : 'none'}`);
  if (r.gps) lines.push(`location: ${r.gps.lat}, ${r.gps.lon}${r.gps.alt !== undefined ? ` (${r.gps.alt} m)` : ''}`);
  if (r.capturedAt) lines.push(`captured: ${r.capturedAt}`);
  if (r.identifying.length > 0) {
    lines.push('identifying:');
    for (const t of r.identifying) lines.push(`  ${t.kind.padEnd(6)} ${t.tag} = ${t.value}`);
  } else lines.push('identifying: none found');
  for (const w of r.warnings) lines.push(`warning: ${w}`);
  return lines.join('\n');
}

function describeStrip(out: string, r: StripResult): string {
  return [
    `wrote ${out} (${r.bytes} bytes, sha256 ${r.exhibitSha256})`,
    `removed: ${r.removed.length > 0 ? r.removed.join(', ') : 'nothing'}`,
    `kept: ${r.kept.length > 0 ? r.kept.join(', ') : 'nothing'}`,
    `pixels identical: ${r.pixelsIdentical ? 'yes' : 'no (re-encoded)'}; pixel sha256 ${r.originalPixelSha256} -> ${r.exhibitPixelSha256}`,
  ].join('\n');
}
