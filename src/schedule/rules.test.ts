import { describe, expect, it } from 'vitest';
import type { ContestDefinition, Phase } from '../contest/schema/index.ts';
import { windowOf, windowToIso } from '../contest/time.ts';
import { isPhaseOpen, registrationClosedAt } from '../contest/views.ts';
import {
  definitionAsScheduled,
  earlyCloseEnd,
  earlyCloseRefusal,
  extensionEnd,
  extensionRefusal,
  roundRefusal,
  windowAsChanged,
  type RoundAction,
  type RoundState,
} from './rules.ts';

const zone = 'Asia/Shanghai';
const registration: Phase = {
  id: 'registration',
  kind: 'registration',
  name: '报名',
  nameEn: 'Registration',
  start: '2025-05-12',
  end: '2025-09-09',
  asPublished: '9月上旬',
  unpublished: ['start', 'end'],
};
const final: Phase = { id: 'final', kind: 'final', name: '决赛', start: '2025-09-28T09:00', end: '2025-09-28T17:00' };
const planned = windowOf(registration, zone);
const at = (iso: string) => new Date(iso);
const code = (error: { code: string } | undefined) => error?.code;

describe('round transitions', () => {
  const cases: [RoundState, RoundAction, string | undefined][] = [
    ['open', 'close', undefined],
    ['open', 'reopen', 'round.not_closed'],
    ['open', 'publish', 'round.not_closed'],
    ['closed', 'close', 'round.not_open'],
    ['closed', 'reopen', undefined],
    ['closed', 'publish', undefined],
    ['published', 'close', 'round.already_published'],
    ['published', 'reopen', 'round.already_published'],
    ['published', 'publish', 'round.already_published'],
  ];
  it.each(cases)('a round that is %s, asked to %s, is refused with %s', (state, action, expected) => {
    expect(code(roundRefusal(state, action, { name: '初赛' }, 'a reason'))).toBe(expected);
  });

  it('reopening a closed round without a reason is refused with round.reason_required; closing and publishing need none', () => {
    expect(roundRefusal('closed', 'reopen', { name: '初赛' }, undefined)).toMatchObject({ code: 'round.reason_required', status: 422 });
    expect(roundRefusal('open', 'close', { name: '初赛' }, undefined)).toBeUndefined();
    expect(roundRefusal('closed', 'publish', { name: '初赛' }, undefined)).toBeUndefined();
  });

  it('a published round is refused naming the round, in Chinese and English', () => {
    expect(roundRefusal('published', 'reopen', { name: '初赛' }, 'x')?.localised).toEqual({
      zh: '「初赛」的结果已公布，不能再更改',
      en: 'The results of "初赛" are published and final',
    });
  });
});

describe('the window as it stands', () => {
  it('is the planned window without a change, and the planned start with the changed end with one', () => {
    expect(windowAsChanged(planned, undefined)).toBe(planned);
    const changed = windowAsChanged(planned, { phaseId: 'registration', change: 'extended', endExclusive: at('2025-09-11T16:00:00Z') });
    expect(windowToIso(changed)).toEqual({ start: '2025-05-12T00:00:00+08:00', end: '2025-09-11T23:59:59+08:00' });
  });
});

describe('extending a phase', () => {
  it('reads a date as the whole day and a local time as that second, in the contest time zone', () => {
    expect(extensionEnd(registration, '2025-09-11', zone)).toEqual(at('2025-09-11T16:00:00Z'));
    expect(extensionEnd(registration, '2025-09-11T12:00', zone)).toEqual(at('2025-09-11T04:00:01Z'));
    expect(extensionEnd(registration, '2025-02-30', zone)).toBeUndefined();
  });

  it('accepts a later end while the window is open or has not started', () => {
    const later = at('2025-09-11T16:00:00Z');
    expect(extensionRefusal(registration, planned, later, at('2025-09-09T15:59:59Z'))).toBeUndefined();
    expect(extensionRefusal(registration, planned, later, at('2025-01-01T00:00:00Z'))).toBeUndefined();
  });

  it('refuses an end that is not later than the current one with phase.extend_not_later', () => {
    const refusal = extensionRefusal(registration, planned, at('2025-09-09T16:00:00Z'), at('2025-06-01T00:00:00Z'));
    expect(refusal).toMatchObject({ code: 'phase.extend_not_later', status: 422 });
    expect(refusal?.localised).toEqual({
      zh: '新的截止时间须晚于现在的 2025-09-09T23:59:59+08:00',
      en: 'The new end must be later than the current one, 2025-09-09T23:59:59+08:00',
    });
    expect(code(extensionRefusal(registration, planned, at('2025-08-01T00:00:00Z'), at('2025-06-01T00:00:00Z')))).toBe('phase.extend_not_later');
  });

  it('refuses a window that has ended, from its first second outside, with phase.ended', () => {
    const refusal = extensionRefusal(registration, planned, at('2025-09-20T00:00:00Z'), at('2025-09-09T16:00:00Z'));
    expect(refusal).toMatchObject({ code: 'phase.ended', status: 409 });
    expect(refusal?.localised.en).toBe('"Registration" ended at 2025-09-09T23:59:59+08:00 and cannot be extended');
  });
});

describe('closing a phase early', () => {
  it('is allowed from the first second of the window to its last', () => {
    expect(earlyCloseRefusal(registration, planned, at('2025-05-11T16:00:00Z'))).toBeUndefined();
    expect(earlyCloseRefusal(registration, planned, at('2025-09-09T15:59:59Z'))).toBeUndefined();
  });

  it('is refused with phase.not_open before the window opens and once it has ended', () => {
    expect(earlyCloseRefusal(registration, planned, at('2025-05-11T15:59:59Z'))).toMatchObject({ code: 'phase.not_open', status: 409 });
    expect(code(earlyCloseRefusal(registration, planned, at('2025-09-09T16:00:00Z')))).toBe('phase.not_open');
  });

  it('ends the window at the whole second of the request', () => {
    expect(earlyCloseEnd(at('2025-08-01T02:00:00.750Z'))).toEqual(at('2025-08-01T02:00:00Z'));
  });
});

describe('the definition as scheduled', () => {
  const definition = { id: 'c', timeZone: zone, phases: [registration, final] } as unknown as ContestDefinition;

  it('is the definition itself when nothing changed', () => {
    expect(definitionAsScheduled(definition, [])).toBe(definition);
  });

  it('gives a changed phase its end as it stands, drops the wording of the old end, and leaves other phases alone', () => {
    const scheduled = definitionAsScheduled(definition, [{ phaseId: 'registration', change: 'extended', endExclusive: at('2025-09-11T16:00:00Z') }]);
    expect(scheduled.phases).toEqual([
      {
        id: 'registration',
        kind: 'registration',
        name: '报名',
        nameEn: 'Registration',
        start: '2025-05-12',
        end: '2025-09-11T23:59:59',
        unpublished: ['start'],
      },
      final,
    ]);
    expect(definition.phases[0]).toBe(registration);
  });

  it('makes registration open until the extended end and closed from the early close, to the second', () => {
    const extended = definitionAsScheduled(definition, [{ phaseId: 'registration', change: 'extended', endExclusive: at('2025-09-11T16:00:00Z') }]);
    expect(isPhaseOpen(extended, 'registration', at('2025-09-11T15:59:59Z'))).toBe(true);
    expect(isPhaseOpen(extended, 'registration', at('2025-09-11T16:00:00Z'))).toBe(false);
    const closed = definitionAsScheduled(definition, [{ phaseId: 'registration', change: 'closed_early', endExclusive: at('2025-08-01T02:00:00Z') }]);
    expect(isPhaseOpen(closed, 'registration', at('2025-08-01T01:59:59Z'))).toBe(true);
    expect(isPhaseOpen(closed, 'registration', at('2025-08-01T02:00:00Z'))).toBe(false);
    expect(registrationClosedAt(closed, at('2025-08-01T02:00:00Z'))?.zh).toBe(
      '不在报名时间内：报名为 2025-05-12T00:00:00+08:00 至 2025-08-01T09:59:59+08:00（Asia/Shanghai）',
    );
  });
});
