/**
 * The schedule as it stands: the definition plans each phase's window and the review rounds; the
 * organiser may extend a window, close one early, and move a round from open to closed to published.
 * Pure: the current state, the time and the request come in; a refusal or the new state goes out.
 */
import { DateTime } from 'luxon';
import type { ContestDefinition, Phase } from '../contest/schema/index.ts';
import { isWithin, isoWithOffset, windowOf, type Window } from '../contest/time.ts';
import { AppError } from '../platform/errors.ts';

export type RoundState = 'open' | 'closed' | 'published';
export type RoundAction = 'close' | 'reopen' | 'publish';

/** Each transition of a round: the one state it leaves, the state it enters, the event it appends. */
export const roundTransitions: Record<RoundAction, { from: RoundState; to: RoundState; event: string }> = {
  close: { from: 'open', to: 'closed', event: 'round.closed' },
  reopen: { from: 'closed', to: 'open', event: 'round.reopened' },
  publish: { from: 'closed', to: 'published', event: 'round.published' },
};

/** Reopening takes back a closing that judges and entrants may have acted on, so it says why. */
const reasonRequired = () => new AppError('round.reason_required', { zh: '重新开放评审须说明理由', en: 'Reopening a round needs a reason' }, 422);

/**
 * Why `action` cannot move a round that is in `state`; undefined when it can. Published is final;
 * a round is closed before it is published, and reopened only while not yet published.
 */
export const roundRefusal = (state: RoundState, action: RoundAction, round: { name: string }, reason: string | undefined): AppError | undefined => {
  if (state === roundTransitions[action].from) return action === 'reopen' && !reason ? reasonRequired() : undefined;
  if (state === 'published') {
    return new AppError(
      'round.already_published',
      { zh: `「${round.name}」的结果已公布，不能再更改`, en: `The results of "${round.name}" are published and final` },
      409,
    );
  }
  if (state === 'closed') return new AppError('round.not_open', { zh: `「${round.name}」已截止`, en: `"${round.name}" is already closed` }, 409);
  return new AppError('round.not_closed', { zh: `「${round.name}」尚未截止，请先截止评审`, en: `"${round.name}" is still open: close it first` }, 409);
};

/** The organiser's latest change of a phase's window: its new end, the first instant outside it. */
export interface PhaseChange {
  phaseId: string;
  change: 'extended' | 'closed_early';
  endExclusive: Date;
}

/** The window as it stands: the planned start, and the changed end when there is a change. */
export const windowAsChanged = (planned: Window, change: PhaseChange | undefined): Window =>
  change ? { start: planned.start, endExclusive: DateTime.fromJSDate(change.endExclusive, { zone: planned.start.zone }) } : planned;

const lastSecond = (window: Window) => isoWithOffset(window.endExclusive.minus({ seconds: 1 }));

/**
 * The end an extension asks for, read as the definition reads an end: a date is the whole of that
 * day in the contest's time zone, a local time is that second. Undefined for a date that does not exist.
 */
export const extensionEnd = (phase: Phase, end: string, zone: string): Date | undefined => {
  const { endExclusive } = windowOf({ start: phase.start, end }, zone);
  return endExclusive.isValid ? endExclusive.toJSDate() : undefined;
};

/** An extension moves the end of a window that has not ended yet to a later end. */
export const extensionRefusal = (phase: Phase, window: Window, endExclusive: Date, at: Date): AppError | undefined => {
  if (at.getTime() >= window.endExclusive.toMillis()) {
    return new AppError(
      'phase.ended',
      {
        zh: `「${phase.name}」已于 ${lastSecond(window)} 结束，不能延长`,
        en: `"${phase.nameEn ?? phase.name}" ended at ${lastSecond(window)} and cannot be extended`,
      },
      409,
    );
  }
  if (endExclusive.getTime() <= window.endExclusive.toMillis()) {
    return new AppError(
      'phase.extend_not_later',
      { zh: `新的截止时间须晚于现在的 ${lastSecond(window)}`, en: `The new end must be later than the current one, ${lastSecond(window)}` },
      422,
    );
  }
  return undefined;
};

/** A window closes early only while it is open. */
export const earlyCloseRefusal = (phase: Phase, window: Window, at: Date): AppError | undefined =>
  isWithin(window, at)
    ? undefined
    : new AppError(
        'phase.not_open',
        { zh: `「${phase.name}」当前未开放，不能提前截止`, en: `"${phase.nameEn ?? phase.name}" is not open, so it cannot close early` },
        409,
      );

/** Closing early ends the window at the whole second of the request, so the request itself is already outside it. */
export const earlyCloseEnd = (at: Date): Date => new Date(Math.floor(at.getTime() / 1000) * 1000);

/**
 * The definition with each changed phase's end replaced by its end as it stands, so every view of
 * the definition (is registration open, the submission deadline, the contest page) reads the same
 * windows. A changed end is a known time, so the announcement's vaguer wording of it no longer applies.
 */
export const definitionAsScheduled = (definition: ContestDefinition, changes: PhaseChange[]): ContestDefinition => {
  if (changes.length === 0) return definition;
  const byPhase = new Map(changes.map((change) => [change.phaseId, change]));
  const phases = definition.phases.map((phase) => {
    const change = byPhase.get(phase.id);
    if (!change) return phase;
    const lastSecondLocal = DateTime.fromJSDate(change.endExclusive, { zone: definition.timeZone }).minus({ seconds: 1 }).toFormat("yyyy-MM-dd'T'HH:mm:ss");
    const { asPublished: _wording, unpublished, ...rest } = phase;
    const stillUnpublished = unpublished?.filter((end) => end !== 'end');
    return { ...rest, end: lastSecondLocal, ...(stillUnpublished?.length ? { unpublished: stillUnpublished } : {}) };
  });
  return { ...definition, phases };
};
