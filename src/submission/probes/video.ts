import type { ByteSource, VideoFacts } from './types.ts';
import { mediaTypes } from './types.ts';
import { ascii, corrupt, ProbeFailure, readExactly, truncated, view } from './refusal.ts';
import { runInWorker } from './parser-pool.ts';
import { cleanText } from './clean-text.ts';
import { orientationOf } from './image.ts';

/**
 * MP4 and MOV: the top-level boxes are walked by their headers (16 bytes each), the media data
 * (mdat) is skipped by its declared size, and only ftyp and moov are read and handed to mp4box as one
 * buffer. So a 1 GB file costs its box headers plus its moov, wherever the moov lies (start or end).
 * mp4box runs in the parser worker (parser-worker.mjs): a crafted sample table can keep it busy for
 * minutes, and only a worker can be stopped at the deadline.
 */
export const videoLimits = {
  /** moov of a two-hour 60 fps film with audio is ~10 MB. */
  maxMoovBytes: 64 * 1024 * 1024,
  maxTopLevelBoxes: 100_000,
} as const;

/** Handlers and sample entries of subtitle and caption tracks (3GPP timed text, WebVTT, CEA-608, QuickTime text). */
const SUBTITLE_HANDLERS = new Set(['text', 'sbtl', 'subt', 'clcp']);
const SUBTITLE_CODECS = /^(tx3g|wvtt|c608|c708|stpp|text|sbtt)/;

const what = (zh: string, en: string) => ({ zh, en });

interface Box {
  type: string;
  offset: number;
  size: number;
}

const walkTopLevel = async (source: ByteSource, kind: 'mp4' | 'mov') => {
  const name = kind.toUpperCase();
  let ftyp: Box | undefined;
  let moov: Box | undefined;
  for (let offset = 0, count = 0; offset < source.size; count++) {
    if (count > videoLimits.maxTopLevelBoxes) throw corrupt(kind, what(`${name} 顶层盒子过多`, `too many top-level ${name} boxes`));
    if (source.size - offset < 8) {
      throw truncated(kind, what(`${name} 末尾有不完整的盒子头`, `the ${name} ends in a partial box header`));
    }
    const header = await readExactly(source, offset, Math.min(16, source.size - offset), kind, what(`${name} 盒子头`, `${name} box header`));
    const hv = view(header);
    const type = ascii(header, 4, 8);
    if (!/^[\x20-\x7e]{4}$/.test(type)) throw corrupt(kind, what(`${name} 盒子类型无效（偏移 ${offset}）`, `invalid ${name} box type at offset ${offset}`));
    let size = hv.getUint32(0);
    if (size === 1) {
      if (header.length < 16) throw truncated(kind, what(`${name} 大盒子头被截断`, `a large ${name} box header is cut off`));
      size = Number(hv.getBigUint64(8));
    } else if (size === 0) {
      size = source.size - offset; // "to the end of the file", allowed for the last box
    }
    if (size < 8) throw corrupt(kind, what(`${name} 盒子 ${type} 长度无效`, `the ${name} box ${type} has an invalid size`));
    if (offset + size > source.size) {
      if (type === 'mdat') throw truncated(kind, what(`${name} 媒体数据（mdat）被截断`, `the ${name} media data (mdat) is cut off`));
      if (type === 'moov') throw truncated(kind, what(`${name} 的 moov 信息被截断`, `the ${name} moov box is cut off`));
      throw truncated(kind, what(`${name} 盒子 ${type} 被截断`, `the ${name} box ${type} is cut off`));
    }
    if (type === 'ftyp' && !ftyp) ftyp = { type, offset, size };
    if (type === 'moov') {
      if (moov) throw corrupt(kind, what(`${name} 含有两个 moov`, `the ${name} has two moov boxes`));
      moov = { type, offset, size };
    }
    offset += size;
  }
  if (!moov) throw truncated(kind, what(`${name} 缺少 moov 信息`, `the ${name} has no moov box`));
  if (moov.size > videoLimits.maxMoovBytes) throw corrupt(kind, what(`${name} 的 moov 信息过大`, `the ${name} moov box is too large`));
  return { ftyp, moov };
};

/**
 * The rotation a track matrix [a b u; c d v; x y w] applies, snapped to quarter turns, in the sense
 * ffprobe reports it (av_display_rotation_get: -atan2(b, a)), so `ffmpeg -metadata:s:v rotate=90`
 * reads back as 90. Any quarter turn swaps the displayed width and height.
 */
export const rotationOf = (matrix: ArrayLike<number> | undefined): 0 | 90 | 180 | 270 => {
  if (!matrix || matrix.length < 2) return 0;
  const a = (matrix[0]! | 0) / 65536;
  const b = (matrix[1]! | 0) / 65536;
  if (a === 0 && b === 0) return 0;
  const quarters = Math.round((-Math.atan2(b, a) * 180) / Math.PI / 90);
  return ((((quarters % 4) + 4) % 4) * 90) as 0 | 90 | 180 | 270;
};

/** What parser-worker.mjs hands back from mp4box's Movie: plain data, nothing else crosses the thread. */
interface MovieInfo {
  hasMoov: boolean;
  duration: number;
  timescale: number;
  fragmentDuration: number;
  tracks: Array<{
    type?: string;
    codec?: string;
    duration: number;
    timescale: number;
    samplesDuration: number;
    matrix?: number[];
    width: number;
    height: number;
  }>;
  subtitleTracks: number;
  handlers: string[];
}

export const probeVideo = async (source: ByteSource, kind: 'mp4' | 'mov', signal: AbortSignal): Promise<VideoFacts> => {
  const name = kind.toUpperCase();
  const { ftyp, moov } = await walkTopLevel(source, kind);
  // ftyp then moov in one buffer from position 0: mp4box reads the metadata and never seeks to samples.
  // A QuickTime file without ftyp gets a stand-in one, since mp4box reads the brands from it.
  const ftypBytes = ftyp
    ? await readExactly(source, ftyp.offset, ftyp.size, kind, what(`${name} 的 ftyp`, `the ${name} ftyp box`))
    : new Uint8Array([0, 0, 0, 16, 0x66, 0x74, 0x79, 0x70, 0x71, 0x74, 0x20, 0x20, 0, 0, 0, 0]);
  const moovBytes = await readExactly(source, moov.offset, moov.size, kind, what(`${name} 的 moov 信息`, `the ${name} moov box`));
  const joined = new Uint8Array(ftypBytes.length + moovBytes.length);
  joined.set(ftypBytes, 0);
  joined.set(moovBytes, ftypBytes.length);

  const unreadable = corrupt(kind, what(`${name} 的 moov 信息无法解析`, `the ${name} moov box cannot be parsed`));
  let info: MovieInfo;
  try {
    // Copied, not transferred: a job whose worker another file ends runs again, and needs its bytes for that.
    info = await runInWorker<MovieInfo>('mp4', { bytes: joined }, signal);
  } catch (error) {
    if (error instanceof ProbeFailure) throw error;
    throw unreadable;
  }
  if (!info.hasMoov) throw unreadable;

  const video = info.tracks.find((t) => t.type === 'video');
  if (!video)
    throw new ProbeFailure(
      'file.unsupported_type',
      { zh: `${name} 没有视频轨道（仅音频或其他）`, en: `the ${name} has no video track (audio only or other)` },
      kind,
    );
  const audio = info.tracks.find((t) => t.type === 'audio');
  const codedWidth = Math.round(video.width);
  const codedHeight = Math.round(video.height);
  if (!(codedWidth > 0 && codedHeight > 0)) throw corrupt(kind, what(`${name} 视频尺寸为 0`, `the ${name} video has no size`));

  const seconds = (duration: number, timescale: number) => (timescale > 0 && Number.isFinite(duration) ? duration / timescale : 0);
  const durationSeconds = Math.max(
    seconds(info.duration, info.timescale),
    ...info.tracks.map((t) => Math.max(seconds(t.duration, t.timescale), seconds(t.samplesDuration, t.timescale))),
    Number.isFinite(info.fragmentDuration) ? info.fragmentDuration : 0,
  );
  if (!(durationSeconds > 0 && Number.isFinite(durationSeconds))) throw corrupt(kind, what(`${name} 时长无效`, `the ${name} has no valid duration`));

  const hasSubtitleTrack =
    info.subtitleTracks > 0 || info.tracks.some((t) => SUBTITLE_CODECS.test(t.codec ?? '')) || info.handlers.some((h) => SUBTITLE_HANDLERS.has(h));

  // Codec names are built by mp4box from the file's own sample entries: its text, shown to people.
  const videoCodec = cleanText(video.codec);
  const audioCodec = cleanText(audio?.codec);
  const rotation = rotationOf(video.matrix);
  const quarter = rotation === 90 || rotation === 270;
  const width = quarter ? codedHeight : codedWidth;
  const height = quarter ? codedWidth : codedHeight;
  return {
    kind: 'video',
    fileKind: kind,
    mediaType: mediaTypes[kind],
    durationSeconds: Math.round(durationSeconds * 1000) / 1000,
    width,
    height,
    rotation,
    orientation: orientationOf(width, height),
    ...(videoCodec ? { videoCodec } : {}),
    ...(audioCodec ? { audioCodec } : {}),
    hasSubtitleTrack,
  };
};
