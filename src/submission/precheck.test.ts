import { describe, expect, it } from 'vitest';
import { seedDefinition } from '../../test/support/factories.ts';
import { precheckWorks } from './precheck.ts';
import { worksOfDivision } from './requirements.ts';
import type { ProbeResult } from './probes/types.ts';

const contest001 = seedDefinition('001');
const works = worksOfDivision(contest001, 'government-services')!;
const pdf: ProbeResult = {
  ok: true,
  size: 10_000,
  bytesRead: 2_000,
  facts: { kind: 'pdf', fileKind: 'pdf', mediaType: 'application/pdf', pages: 8, textExtractable: true },
};
const video = (durationSeconds: number): ProbeResult => ({
  ok: true,
  size: 5_000_000,
  bytesRead: 90_000,
  facts: {
    kind: 'video',
    fileKind: 'mp4',
    mediaType: 'video/mp4',
    durationSeconds,
    width: 1280,
    height: 720,
    rotation: 0,
    orientation: 'landscape',
    hasSubtitleTrack: false,
  },
});

describe('pre-checking files by hand (leitai submission check)', () => {
  it('matches each file to the requirement that takes its kind and passes a good pair', () => {
    const result = precheckWorks(
      works,
      [
        { path: 'a.pdf', probed: pdf },
        { path: 'b.mp4', probed: video(299) },
      ],
      {},
      false,
    );
    expect([result.ok, result.files.map((f) => f.requirementId)]).toEqual([true, [works.files[0]!.id, works.files[1]!.id]]);
  });
  it('refuses a 5:01 video and names the file', () => {
    const result = precheckWorks(works, [{ path: 'b.mp4', probed: video(301) }], {}, false);
    expect(result.errors.map((e) => [e.code, 'file' in e ? e.file : null])).toEqual([['file.video.too_long', 'b.mp4']]);
  });
  it('reports missing files only when asked for completeness', () => {
    expect(precheckWorks(works, [{ path: 'a.pdf', probed: pdf }], {}, false).ok).toBe(true);
    expect(precheckWorks(works, [{ path: 'a.pdf', probed: pdf }], {}, true).errors.map((e) => e.code)).toContain('file.missing');
  });
  it('takes an explicit requirement for a file', () => {
    const result = precheckWorks(works, [{ path: 'x.pdf', requirementId: works.files[1]!.id, probed: pdf }], {}, false);
    expect(result.errors.map((e) => e.code)).toEqual(['file.kind_not_allowed']);
  });
});
