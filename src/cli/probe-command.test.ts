import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { pdfWithText, ppt, pptx } from '../../test/support/test-media.ts';
import { addProbeCommand } from './probe-command.ts';

/** Runs `leitai probe …` in this process, returning what it printed and the exit code it set. */
const probeCommand = async (...args: string[]) => {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const before = process.exitCode;
  try {
    const program = new Command('leitai').exitOverride();
    addProbeCommand(program);
    await program.parseAsync(['node', 'leitai', 'probe', ...args]);
    return { stdout, stderr, code: process.exitCode ?? 0 };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = before;
  }
};

const fixtures = new URL('../../test/fixtures/', import.meta.url).pathname;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'leitai-probe-cli-'));
  await writeFile(join(dir, 'plan.pdf'), pdfWithText(4));
  await writeFile(join(dir, 'deck.pptx'), pptx(6));
  await writeFile(join(dir, 'old.ppt'), ppt(8));
  await writeFile(join(dir, 'photo.jpg'), pdfWithText(1)); // a PDF named .jpg
  await writeFile(join(dir, 'empty.mp4'), new Uint8Array(0));
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('leitai probe', () => {
  it('prints the facts of an image as JSON: mediaType, width, height, hasExif, bytesRead and size', async () => {
    const { stdout, code } = await probeCommand(`${fixtures}small.jpg`, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      ok: true,
      kind: 'image',
      fileKind: 'jpeg',
      mediaType: 'image/jpeg',
      width: 300,
      height: 400,
      orientation: 'portrait',
      hasExif: true,
      colour: true,
      exif: { make: 'Leitai', model: 'Fixture', takenAt: '2025-09-09T10:11:12', orientation: 6 },
      bytesRead: 2846,
      size: 2846,
    });
  });

  it('prints durationSeconds, width and height of a video', async () => {
    const { stdout } = await probeCommand(`${fixtures}small.mp4`, '--json');
    expect(JSON.parse(stdout)).toMatchObject({
      ok: true,
      mediaType: 'video/mp4',
      durationSeconds: 2,
      width: 320,
      height: 180,
      hasSubtitleTrack: false,
      size: 8330,
    });
  });

  it('prints pages of a PDF and slides of PPTX and PPT', async () => {
    expect(JSON.parse((await probeCommand(join(dir, 'plan.pdf'), '--json')).stdout)).toMatchObject({
      mediaType: 'application/pdf',
      pages: 4,
      textExtractable: true,
    });
    expect(JSON.parse((await probeCommand(join(dir, 'deck.pptx'), '--json')).stdout)).toMatchObject({ fileKind: 'pptx', slides: 6 });
    expect(JSON.parse((await probeCommand(join(dir, 'old.ppt'), '--json')).stdout)).toMatchObject({ fileKind: 'ppt', slides: 8 });
  });

  it('goes by content, not extension: a PDF named photo.jpg is a PDF', async () => {
    expect(JSON.parse((await probeCommand(join(dir, 'photo.jpg'), '--json')).stdout)).toMatchObject({ mediaType: 'application/pdf', pages: 1 });
  });

  it('prints readable lines without --json', async () => {
    const { stdout } = await probeCommand(`${fixtures}small.mov`);
    expect(stdout).toBe(
      [
        `${fixtures}small.mov: video/quicktime`,
        '  duration    2.023 s',
        '  size        320 × 180 (landscape, as displayed)',
        '  codecs      avc1.64000c, mp4a.40.2',
        '  subtitles   no',
        '  read        6192 of 27070 bytes',
        '',
      ].join('\n'),
    );
  });

  it('prints the code and message of a refusal and exits 1', async () => {
    const { stderr, code } = await probeCommand(join(dir, 'empty.mp4'));
    expect(code).toBe(1);
    expect(stderr).toBe(`${join(dir, 'empty.mp4')}: file.empty: 文件为空（0 字节） / The file is empty (0 bytes)\n`);
    const json = await probeCommand(join(dir, 'missing.png'), '--json');
    expect(JSON.parse(json.stdout)).toEqual({
      ok: false,
      code: 'file.unreadable',
      message: { zh: '无法打开文件（ENOENT）', en: 'The file cannot be opened (ENOENT)' },
      bytesRead: 0,
      size: 0,
    });
    expect(json.code).toBe(1);
  });

  it('runs as the leitai command and exits once done, the parser worker notwithstanding', async () => {
    const { stdout } = await promisify(execFile)('node', ['bin/leitai.mjs', 'probe', join(dir, 'plan.pdf'), '--json'], { timeout: 30_000 });
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, pages: 4 });
  });
});
