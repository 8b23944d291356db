import type { ContestDefinition } from '../contest/schema/index.ts';
import { presentPhase } from '../contest/views.ts';
import type { SubmissionFileRow } from '../platform/db-types.ts';
import type { FileFacts } from './probes/types.ts';
import { requirementStage, type Staged } from './windows.ts';

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

/**
 * When a requirement is handed in, as pages show it beside the requirement: its own stage (null when
 * it has none and goes with the contest's submission phases), the window that matters now and its state.
 */
export const presentStage = (definition: ContestDefinition, requirement: Staged, at: Date) => {
  const { phase, state } = requirementStage(definition, requirement, at);
  const { id, name, nameEn, start, end } = presentPhase(definition, phase);
  return { stageId: requirement.phase ?? null, phaseId: id, name, nameEn, start, end, state };
};

export type StageView = ReturnType<typeof presentStage>;
