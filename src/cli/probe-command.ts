import type { Command } from 'commander';
import { probeFile } from '../submission/probes/index.ts';
import type { FileFacts } from '../submission/probes/types.ts';
import { print } from './output.ts';

const describeFacts = (facts: FileFacts): string[] => {
  switch (facts.kind) {
    case 'image':
      return [
        `size        ${facts.width} × ${facts.height} (${facts.orientation}, as displayed)`,
        `EXIF        ${facts.hasExif ? [facts.exif?.make, facts.exif?.model, facts.exif?.takenAt, facts.exif?.orientation && `orientation ${facts.exif.orientation}`].filter(Boolean).join(', ') || 'present' : 'none'}`,
      ];
    case 'video':
      return [
        `duration    ${facts.durationSeconds} s`,
        `size        ${facts.width} × ${facts.height} (${facts.orientation}${facts.rotation ? `, rotated ${facts.rotation}°` : ''}, as displayed)`,
        `codecs      ${[facts.videoCodec, facts.audioCodec].filter(Boolean).join(', ') || 'unknown'}`,
        `subtitles   ${facts.hasSubtitleTrack ? 'yes' : 'no'}`,
      ];
    case 'pdf':
      return [`pages       ${facts.pages}`, `text        ${facts.textExtractable ? 'extractable' : 'none found (scanned?)'}`];
    case 'slides':
      return [`slides      ${facts.slides}`];
    default:
      return [];
  }
};

/**
 * `leitai probe <file> [--json]`: what the probes find in a file, read from its content. A refusal
 * prints its code and message and exits 1. The JSON is flat: { ok, kind, mediaType, …facts, bytesRead, size }.
 */
export const addProbeCommand = (program: Command) => {
  program
    .command('probe <file>')
    .description('print what Leitai finds in a file: kind, size, duration, pages, slides, EXIF / 文件检测')
    .option('--json', 'print the facts as JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      const result = await probeFile(file);
      const { bytesRead, size } = result;
      if (!result.ok) {
        const { code, message, mediaType } = result.refusal;
        if (options.json) print({ ok: false, code, message, ...(mediaType ? { mediaType } : {}), bytesRead, size }, true);
        else process.stderr.write(`${file}: ${code}: ${message.zh} / ${message.en}\n`);
        process.exitCode = 1;
        return;
      }
      const { kind, ...facts } = result.facts;
      if (options.json) return print({ ok: true, kind, ...facts, bytesRead, size }, true);
      print(
        [`${file}: ${facts.mediaType}`, ...describeFacts(result.facts).map((line) => `  ${line}`), `  read        ${bytesRead} of ${size} bytes`].join('\n'),
      );
    });
};
