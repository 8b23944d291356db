import type { ContestDefinition, Phase } from '../contest/schema/index.ts';
import { phasesOfKind, phaseWindow } from '../contest/views.ts';
import { isWithin } from '../contest/time.ts';

/**
 * When works may be submitted: the phases of kind `submission` (000's 报名及作品提交 is both), or
 * the registration phase when the definition has none.
 *
 * A deadline that passes during an upload is honoured like a postmark: an upload begun while the
 * window was open may go on receiving bytes, and completes as submitted in time, until the grace
 * period after the deadline ends. A slow connection at 23:58 does not lose a 2 GB video; an upload
 * begun at 00:01 is refused.
 */
export const DEFAULT_UPLOAD_GRACE_MINUTES = 120;

export const submissionPhases = (definition: ContestDefinition): Phase[] => {
  const submission = phasesOfKind(definition, 'submission');
  return submission.length > 0 ? submission : phasesOfKind(definition, 'registration');
};

const windows = (definition: ContestDefinition) => submissionPhases(definition).map((phase) => ({ phase, window: phaseWindow(definition, phase) }));

export const isSubmissionOpen = (definition: ContestDefinition, at: Date) => windows(definition).some(({ window }) => isWithin(window, at));

/** An upload begun in a window may continue until that window's end plus the grace period. */
export const mayContinueUpload = (definition: ContestDefinition, startedAt: Date, at: Date, graceMinutes = DEFAULT_UPLOAD_GRACE_MINUTES) =>
  windows(definition).some(({ window }) => isWithin(window, startedAt) && at.getTime() < window.endExclusive.toMillis() + graceMinutes * 60_000);

/** The end of the window open at `at` (or the next one), for messages and the page's countdown. */
export const submissionDeadline = (definition: ContestDefinition, at: Date) => {
  const upcoming = windows(definition)
    .filter(({ window }) => window.endExclusive.toMillis() > at.getTime())
    .sort((a, b) => a.window.endExclusive.toMillis() - b.window.endExclusive.toMillis());
  return upcoming[0]?.window.endExclusive.toJSDate();
};
