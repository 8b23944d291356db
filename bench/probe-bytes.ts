/**
 * Bytes read against file size, per probe: the probes read box headers, segment headers and
 * directories, never the media data. Makes a large MP4 (moov at the end, as cameras write it, and
 * moov first after faststart), a big JPEG with EXIF, a large PNG, a PDF with many pages padded
 * with unused objects, and a PPTX and a PPT padded with media, probes each from disk, and prints a
 * table of bytes read / size (a table, not the JSON last line of the other benchmarks).
 *
 *   npx tsx bench/probe-bytes.ts [seconds of video, default 6]   (or: npm run bench)
 *
 * Needs ffmpeg, ImageMagick and exiftool (.ci/install-media-tools).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { probeFile } from '../src/submission/probes/index.ts';
import { pdfWithText, ppt, pptx } from '../test/support/test-media.ts';

const seconds = Number(process.argv[2] ?? 6);
const dir = mkdtempSync(join(tmpdir(), 'leitai-bench-'));
const sh = (command: string, ...args: string[]) => execFileSync(command, args, { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });

try {
  const made = performance.now();
  // Lossless x264 of a noisy test pattern: ~37 MB a second of 720p, so 6 s is a ~220 MB file.
  sh(
    'ffmpeg',
    '-v',
    'error',
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=1280x720:rate=25,noise=alls=40:allf=t`,
    '-t',
    String(seconds),
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-qp',
    '0',
    '-pix_fmt',
    'yuv420p',
    'moov-at-end.mp4',
  );
  sh('ffmpeg', '-v', 'error', '-i', 'moov-at-end.mp4', '-c', 'copy', '-movflags', '+faststart', 'moov-first.mp4');
  sh('convert', '-size', '6000x4000', 'xc:gray', '+noise', 'Random', '-quality', '92', 'big.jpg');
  sh('exiftool', '-q', '-overwrite_original', '-Make=Leitai', '-Model=Bench', '-Orientation#=6', 'big.jpg');
  sh('convert', '-size', '3000x2000', 'xc:gray', '+noise', 'Random', 'big.png');
  writeFileSync(join(dir, 'big.pdf'), pdfWithText(500, 50 * 1024 * 1024));
  writeFileSync(join(dir, 'big.pptx'), pptx(40, { 'ppt/media/media1.mp4': new Uint8Array(randomBytes(30 * 1024 * 1024)) }));
  writeFileSync(join(dir, 'big.ppt'), ppt(25, { padding: 30 * 1024 * 1024 }));
  console.log(`made test files in ${((performance.now() - made) / 1000).toFixed(1)} s\n`);

  const rows = [];
  for (const name of ['moov-at-end.mp4', 'moov-first.mp4', 'big.jpg', 'big.png', 'big.pdf', 'big.pptx', 'big.ppt']) {
    const started = performance.now();
    const result = await probeFile(join(dir, name));
    const ms = performance.now() - started;
    const facts = result.ok
      ? Object.entries(result.facts)
          .filter(([k]) => ['width', 'height', 'durationSeconds', 'pages', 'slides', 'hasExif'].includes(k))
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')
      : `REFUSED ${result.refusal.code}`;
    rows.push({
      file: name,
      'size MB': (result.size / 1024 ** 2).toFixed(1),
      'read KB': (result.bytesRead / 1024).toFixed(1),
      'read / size': `1 : ${Math.round(result.size / Math.max(1, result.bytesRead)).toLocaleString('en')}`,
      ms: ms.toFixed(0),
      facts,
    });
  }
  console.table(rows);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
