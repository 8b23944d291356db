/**
 * How a stored file goes back to a browser: as a download, or shown in the page (`inline`: a PDF in a
 * frame, a picture, a video) for the kinds a browser shows without running them; and in ranges, so a
 * video can seek and Safari plays it at all (it will not play a video served without Range support).
 * The Range header is parsed by range-parser (the one express and send use); one range is served,
 * several are answered with the whole file, as RFC 9110 allows.
 */
import parseRange from 'range-parser';
import type { ByteRange } from './storage/types.ts';

/** Shown in the page only these: never HTML, SVG or anything else a browser would run as a page. */
const shownInline = /^(application\/pdf|image\/(jpeg|png|gif|webp)|video\/(mp4|quicktime|webm)|audio\/(mpeg|mp4))$/;

export interface FileReply {
  status: 200 | 206 | 416;
  headers: Record<string, string>;
  range?: ByteRange;
}

export function fileReply(file: { file_name: string; media_type: string | null; size: number }, request: { inline: boolean; range?: string }): FileReply {
  const mediaType = file.media_type ?? 'application/octet-stream';
  const disposition = request.inline && shownInline.test(mediaType) ? 'inline' : 'attachment';
  const headers: Record<string, string> = {
    'Content-Type': mediaType,
    'Content-Disposition': `${disposition}; filename*=UTF-8''${encodeURIComponent(file.file_name)}`,
    'Accept-Ranges': 'bytes',
    // The app's policy forbids plugins (object-src 'none'), and a browser's PDF viewer is one: a file
    // shown in the page gets a policy of its own that lets it show itself, in a frame of this site only,
    // and load nothing else.
    ...(disposition === 'inline' ? { 'Content-Security-Policy': "default-src 'none'; object-src 'self'; frame-ancestors 'self'" } : {}),
  };
  const ranges = request.range ? parseRange(file.size, request.range, { combine: true }) : undefined;
  if (ranges === -1) return { status: 416, headers: { ...headers, 'Content-Range': `bytes */${file.size}` } };
  if (ranges === undefined || ranges === -2 || ranges.type !== 'bytes' || ranges.length !== 1) {
    return { status: 200, headers: { ...headers, 'Content-Length': String(file.size) } };
  }
  const [{ start, end }] = ranges;
  return {
    status: 206,
    headers: { ...headers, 'Content-Range': `bytes ${start}-${end}/${file.size}`, 'Content-Length': String(end - start + 1) },
    range: { start, end },
  };
}
