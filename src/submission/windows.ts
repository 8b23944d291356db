import type { ContestDefinition, Phase } from '../contest/schema/index.ts';
import { phasesOfKind, phaseWindow, presentPhase } from '../contest/views.ts';
import { isWithin, type Window } from '../contest/time.ts';
import { AppError } from '../platform/errors.ts';

/**
 * When works may be handed in. A requirement with a stage (`phase:`, 003's application, online stage
 * and workshop; 004's materials during the review) is handed in, replaced or removed only in that
 * phase's window; one without keeps the contest's submission phases (000's 报名及作品提交 is both), or
 * the registration phase when the definition has none. The definition given is the one as scheduled
 * (schedule/), so an organiser's extension or early close moves these windows too.
 *
 * A deadline that passes during an upload is honoured like a postmark: an upload begun while the
 * window was open may go on receiving bytes, and completes as submitted in time, until the grace
 * period after the deadline ends. A slow connection at 23:58 does not lose a 2 GB video; an upload
 * begun at 00:01 is refused.
 */
export const DEFAULT_UPLOAD_GRACE_MINUTES = 120;

/** What the windows need of a file or field requirement. */
export interface Staged {
  name: string;
  phase?: string;
}

export const submissionPhases = (definition: ContestDefinition): Phase[] => {
  const submission = phasesOfKind(definition, 'submission');
  return submission.length > 0 ? submission : phasesOfKind(definition, 'registration');
};

interface StageWindow {
  phase: Phase;
  window: Window;
}

/** The requirement's windows, earliest first: its stage's, else the submission phases'. */
const windowsOf = (definition: ContestDefinition, requirement: Partial<Staged>): StageWindow[] =>
  (requirement.phase ? definition.phases.filter((p) => p.id === requirement.phase) : submissionPhases(definition))
    .map((phase) => ({ phase, window: phaseWindow(definition, phase) }))
    .sort((a, b) => a.window.start.toMillis() - b.window.start.toMillis());

/** upcoming: none of its windows has opened yet (未开始); open; closed: between or after its windows. */
export type StageState = 'upcoming' | 'open' | 'closed';

/**
 * Where a requirement stands at `at`, with the window that matters: the open one, else the next,
 * else the last that closed.
 */
export const requirementStage = (definition: ContestDefinition, requirement: Partial<Staged>, at: Date): StageWindow & { state: StageState } => {
  const windows = windowsOf(definition, requirement);
  const open = windows.find(({ window }) => isWithin(window, at));
  if (open) return { ...open, state: 'open' };
  const next = windows.find(({ window }) => window.start.toMillis() > at.getTime());
  if (next === windows[0]) return { ...next, state: 'upcoming' };
  return { ...(next ?? windows[windows.length - 1]), state: 'closed' };
};

export const isRequirementOpen = (definition: ContestDefinition, requirement: Partial<Staged>, at: Date) =>
  requirementStage(definition, requirement, at).state === 'open';

/** An upload begun in one of the requirement's windows may continue until that window's end plus the grace period. */
export const mayContinueUpload = (
  definition: ContestDefinition,
  requirement: Partial<Staged>,
  startedAt: Date,
  at: Date,
  graceMinutes = DEFAULT_UPLOAD_GRACE_MINUTES,
) =>
  windowsOf(definition, requirement).some(({ window }) => isWithin(window, startedAt) && at.getTime() < window.endExclusive.toMillis() + graceMinutes * 60_000);

/** The nearest end, after `at`, of the requirements' windows: for the page's deadline and countdown. */
export const worksDeadline = (definition: ContestDefinition, requirements: Partial<Staged>[], at: Date) => {
  const ends = requirements
    .flatMap((requirement) => windowsOf(definition, requirement))
    .map(({ window }) => window.endExclusive.toMillis())
    .filter((end) => end > at.getTime());
  return ends.length > 0 ? new Date(Math.min(...ends)) : undefined;
};

const windowText = (definition: ContestDefinition, phase: Phase) => {
  const { start, end } = presentPhase(definition, phase);
  return { zh: `${phase.name} ${start} 至 ${end}`, en: `${phase.nameEn ?? phase.name}, ${start} to ${end}` };
};

/**
 * Why the requirement cannot be handed in, replaced or removed at `at`, naming it and its window in
 * the contest's time zone; undefined while its window is open. A requirement without a stage keeps
 * the code it always had (`submission.closed`).
 */
export const handInRefusal = (definition: ContestDefinition, requirement: Staged, at: Date): AppError | undefined => {
  const stage = requirementStage(definition, requirement, at);
  if (stage.state === 'open') return undefined;
  const zone = definition.timeZone;
  if (!requirement.phase) {
    const windows = windowsOf(definition, requirement).map(({ phase }) => windowText(definition, phase));
    return new AppError(
      'submission.closed',
      {
        zh: `不在作品提交时间内：「${requirement.name}」的提交时间为${windows.map((w) => w.zh).join('；')}（${zone}）`,
        en: `"${requirement.name}" cannot be handed in now: it is handed in during ${windows.map((w) => w.en).join('; ')} (${zone})`,
      },
      409,
    );
  }
  const window = windowText(definition, stage.phase);
  return stage.state === 'upcoming'
    ? new AppError(
        'submission.stage_not_open',
        {
          zh: `「${requirement.name}」在${window.zh}（${zone}）提交，尚未开始`,
          en: `"${requirement.name}" is handed in during ${window.en} (${zone}); that stage has not opened yet`,
        },
        409,
      )
    : new AppError(
        'submission.stage_closed',
        {
          zh: `「${requirement.name}」须在${window.zh}（${zone}）提交，该阶段已截止`,
          en: `"${requirement.name}" was handed in during ${window.en} (${zone}); that stage has closed`,
        },
        409,
      );
};
