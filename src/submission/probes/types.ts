import type { LocalisedText } from '../../platform/errors.ts';

/**
 * What the probes find in a file, read from its content (never its name). Each probe reads only
 * the bytes it needs through a ByteSource, which counts them, so a 1 GB video is probed by its boxes.
 */
export interface ByteSource {
  readonly size: number;
  /** Reads up to `length` bytes at `offset`; fewer at the end of the file. */
  read(offset: number, length: number): Promise<Uint8Array>;
  /** Bytes handed out so far, for the benchmark of bytes read against file size. */
  readonly bytesRead: number;
}

/** The file kinds a definition names (works.files[].kinds), each detected from content. */
export type FileKind = 'jpeg' | 'png' | 'pdf' | 'ppt' | 'pptx' | 'mp4' | 'mov' | 'doc' | 'docx' | 'zip';

export const mediaTypes: Record<FileKind, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  pdf: 'application/pdf',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  zip: 'application/zip',
};

export type Orientation = 'landscape' | 'portrait' | 'square';

export interface ImageFacts {
  kind: 'image';
  fileKind: 'jpeg' | 'png';
  mediaType: string;
  /** As displayed: EXIF orientations 5–8 swap the stored width and height. */
  width: number;
  height: number;
  orientation: Orientation;
  hasExif: boolean;
  /** False when the file itself is greyscale (JPEG with one component, PNG colour types 0 and 4); absent when unknown. */
  colour?: boolean;
  exif?: { make?: string; model?: string; takenAt?: string; orientation?: number };
}

export interface VideoFacts {
  kind: 'video';
  fileKind: 'mp4' | 'mov';
  mediaType: string;
  durationSeconds: number;
  /** As displayed: a rotation of 90 or 270 degrees swaps the coded width and height. */
  width: number;
  height: number;
  rotation: 0 | 90 | 180 | 270;
  orientation: Orientation;
  videoCodec?: string;
  audioCodec?: string;
  hasSubtitleTrack: boolean;
}

export interface PdfFacts {
  kind: 'pdf';
  fileKind: 'pdf';
  mediaType: string;
  pages: number;
  textExtractable: boolean;
}

export interface SlidesFacts {
  kind: 'slides';
  fileKind: 'ppt' | 'pptx';
  mediaType: string;
  slides: number;
}

export interface OtherFacts {
  kind: 'document' | 'archive';
  fileKind: 'doc' | 'docx' | 'zip';
  mediaType: string;
}

export type FileFacts = ImageFacts | VideoFacts | PdfFacts | SlidesFacts | OtherFacts;

/** A file no probe can vouch for: empty, of a kind Leitai does not take, truncated, corrupt, a zip bomb. */
export interface ProbeRefusal {
  code:
    | 'file.empty'
    | 'file.unsupported_type'
    | 'file.corrupt'
    | 'file.truncated'
    | 'file.zip_bomb'
    | 'file.encrypted'
    /** Checking would need more time or bytes than a probe is allowed (index.ts: probeDefaults). */
    | 'file.probe_limit'
    /** The file could not be opened at all (probeFile: missing, a directory, no permission). */
    | 'file.unreadable';
  message: LocalisedText;
  /** What the content looked like, when that much was known. */
  fileKind?: FileKind;
  mediaType?: string;
}

export type ProbeResult =
  { ok: true; facts: FileFacts; bytesRead: number; size: number } | { ok: false; refusal: ProbeRefusal; bytesRead: number; size: number };
