import type { SubmissionFileRow } from '../platform/db-types.ts';
import type { FileFacts } from './probes/types.ts';

/** A submitted file as the entrant and the organiser see it. */
export const presentSubmissionFile = (file: SubmissionFileRow) => ({
  id: file.id,
  requirementId: file.requirement_id,
  fileName: file.file_name,
  size: file.size,
  sha256: file.sha256,
  fileKind: file.file_kind,
  mediaType: file.media_type,
  facts: (file.facts ?? null) as FileFacts | null,
  problems: file.problems as { code: string; message: { zh: string; en: string }; severity: 'error' | 'warning' }[],
  accepted: file.accepted,
  uploadStartedAt: file.upload_started_at.toISOString(),
  receivedAt: file.created_at.toISOString(),
  /** Set once a refused version's bytes were deleted after the retention period: it can no longer be downloaded. */
  bytesPurgedAt: file.bytes_purged_at?.toISOString() ?? null,
});

export type SubmissionFileView = ReturnType<typeof presentSubmissionFile>;
