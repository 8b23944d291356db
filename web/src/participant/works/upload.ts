import { defaultOptions, Upload, type DetailedError, type PreviousUpload } from 'tus-js-client';
import { works } from '../../api/index.ts';
import type { Message, SubmittedFile } from '../../api/types.ts';

/**
 * Resumable uploads (tus) of one file for one requirement of an entry. The session cookie goes with
 * every request (same origin). An upload's address is stored in localStorage under a fingerprint of
 * the entry, the requirement and the file, so choosing the same file again after a dropped
 * connection or a closed tab resumes where it stopped.
 */
export const CHUNK_SIZE = 5 * 1024 * 1024;
export const RETRY_DELAYS = [0, 1000, 3000, 5000, 10000];

export interface UploadTarget {
  registrationId: string;
  requirementId: string;
}

export interface UploadProgress {
  fileName: string;
  sent: number;
  total: number;
  /** Bytes a second, smoothed; 0 until measured. */
  speed: number;
  /** True when this upload picked up where an earlier one stopped (or is retrying after a drop). */
  resuming: boolean;
  /** All bytes are in; the server is probing and checking the file. */
  checking: boolean;
}

export interface UploadHandlers {
  onProgress: (progress: UploadProgress) => void;
  onSuccess: (file: SubmittedFile | null) => void;
  onError: (message: Message) => void;
}

export interface RunningUpload {
  /** Stops and discards the upload on the server; it will not resume. */
  cancel: () => Promise<void>;
  /** Stops sending; choosing the same file again resumes (the page is closing). */
  pause: () => void;
}

const failure: Message = { zh: '上传失败，请稍后重试。', en: 'The upload failed. Please try again.' };

/** The server's refusal `{ error: { code, message: { zh, en } } }` from a tus reply, when there is one. */
export const refusalOf = (body: string | undefined | null): { code: string; message: Message } | null => {
  if (!body) return null;
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: Message } };
    const error = parsed?.error;
    if (error && typeof error.code === 'string' && error.message && typeof error.message.zh === 'string') return { code: error.code, message: error.message };
  } catch {
    // tus's own refusals are plain text
  }
  return null;
};

const messageOf = (error: Error | DetailedError): Message => {
  const response = (error as DetailedError).originalResponse;
  const refusal = refusalOf(response?.getBody());
  if (refusal) return refusal.message;
  const status = response?.getStatus();
  if (status === 413) return { zh: '文件太大，超过允许的上限。', en: 'The file is larger than allowed.' };
  if (!response)
    return {
      zh: '网络连接中断，上传未完成。再次选择同一文件即可继续上传。',
      en: 'The connection dropped before the upload finished. Choose the same file again to resume.',
    };
  return failure;
};

/** Retry what a retry can fix: a dropped connection, a server error, a locked upload — not a refusal. */
const shouldRetry = (error: DetailedError) => {
  const response = error.originalResponse;
  if (!response) return true;
  if (refusalOf(response.getBody())) return false;
  const status = response.getStatus();
  return status === 0 || status >= 500 || status === 409 || status === 423;
};

const fingerprintOf = (target: UploadTarget, file: File) =>
  ['leitai', target.registrationId, target.requirementId, file.name, file.type, file.size, file.lastModified].join('|');

export function startUpload(file: File, target: UploadTarget, handlers: UploadHandlers): RunningUpload {
  let resuming = false;
  let cancelled = false;
  let last = { at: performance.now(), bytes: 0 };
  let speed = 0;
  const report = (sent: number, total: number) =>
    handlers.onProgress({ fileName: file.name, sent, total, speed, resuming, checking: total > 0 && sent >= total });

  const upload = new Upload(file, {
    endpoint: works.uploadsEndpoint,
    metadata: {
      registrationId: target.registrationId,
      requirementId: target.requirementId,
      filename: file.name,
      filetype: file.type || 'application/octet-stream',
    },
    chunkSize: CHUNK_SIZE,
    retryDelays: RETRY_DELAYS,
    storeFingerprintForResuming: true,
    // A finished upload is not resumed: the same file chosen again is a new version.
    removeFingerprintOnSuccess: true,
    fingerprint: async (f) => fingerprintOf(target, f as File),
    onShouldRetry: (error) => {
      const retry = shouldRetry(error);
      if (retry) resuming = true;
      return retry;
    },
    onProgress: (sent, total) => {
      const now = performance.now();
      const elapsed = (now - last.at) / 1000;
      if (elapsed >= 0.25 && sent >= last.bytes) {
        const instant = (sent - last.bytes) / elapsed;
        speed = speed === 0 ? instant : speed * 0.7 + instant * 0.3;
        last = { at: now, bytes: sent };
      } else if (sent < last.bytes) {
        last = { at: now, bytes: sent };
      }
      report(sent, total);
    },
    onSuccess: ({ lastResponse }) => {
      if (cancelled) return;
      let file: SubmittedFile | null = null;
      try {
        file = (JSON.parse(lastResponse.getBody()) as { file?: SubmittedFile }).file ?? null;
      } catch {
        file = null;
      }
      handlers.onSuccess(file);
    },
    onError: (error) => {
      if (!cancelled) handlers.onError(messageOf(error));
    },
  });

  void (async () => {
    try {
      const previous = await upload.findPreviousUploads();
      const match = previous.find((p) => p.size === file.size);
      if (match) {
        resuming = true;
        upload.resumeFromPreviousUpload(match);
      }
    } catch {
      // no storage: a fresh upload
    }
    if (cancelled) return;
    report(0, file.size);
    upload.start();
  })();

  return {
    cancel: async () => {
      cancelled = true;
      try {
        await upload.abort(true);
      } catch {
        // already gone on the server
      }
    },
    pause: () => {
      cancelled = true;
      void upload.abort(false).catch(() => {});
    },
  };
}

/** Uploads begun on this device for a requirement and not finished (a closed tab, a dropped connection). */
export async function unfinishedUploads(target: UploadTarget): Promise<PreviousUpload[]> {
  try {
    const all = await defaultOptions.urlStorage.findAllUploads();
    return all.filter((u) => u.metadata?.registrationId === target.registrationId && u.metadata?.requirementId === target.requirementId);
  } catch {
    return [];
  }
}
