import { describe, expect, it } from 'vitest';
import {
  changed,
  draftToRestore,
  draftToStore,
  initialAutosave,
  isDue,
  saveDelayMs,
  saveStatus,
  sendFailed,
  sendNow,
  sendStarted,
  sendSucceeded,
  type AutosaveState,
} from './autosave.ts';

type Values = { innovation?: number };
const refusal = { message: { zh: '分值不在 0–100 之内', en: 'Outside 0–100' }, problems: [] };

describe('autosave of a draft', () => {
  it('sends one request for a burst of changes, 800 ms after the last', () => {
    let state: AutosaveState<Values> = initialAutosave(null);
    state = changed(state, { innovation: 7 }, 1_000);
    state = changed(state, { innovation: 8 }, 1_500);
    expect(isDue(state, 1_500 + saveDelayMs - 1)).toBe(false);
    expect(isDue(state, 1_500 + saveDelayMs)).toBe(true);
    state = sendStarted(state);
    expect(state.sending).toEqual({ innovation: 8 });
    expect(saveStatus(state)).toBe('saving');
    state = sendSucceeded(state, '2026-12-01T10:02:11.000Z');
    expect(saveStatus(state)).toBe('saved');
    expect(state.savedAt).toBe('2026-12-01T10:02:11.000Z');
    expect(isDue(state, 10_000)).toBe(false);
  });

  it('holds a change made while a save is under way until that save ends, then sends it', () => {
    let state = sendStarted(changed(initialAutosave<Values>(null), { innovation: 7 }, 0));
    state = changed(state, { innovation: 9 }, 900);
    expect(isDue(state, 900 + saveDelayMs)).toBe(false);
    state = sendSucceeded(state, '2026-12-01T10:00:01.000Z');
    expect(saveStatus(state)).toBe('unsaved');
    expect(isDue(state, 900 + saveDelayMs)).toBe(true);
    expect(sendStarted(state).sending).toEqual({ innovation: 9 });
  });

  it('keeps refused values unsent until a retry, and says it failed', () => {
    let state = sendStarted(changed(initialAutosave<Values>('2026-12-01T10:00:00.000Z'), { innovation: 700 }, 0));
    state = sendFailed(state, refusal);
    expect(saveStatus(state)).toBe('failed');
    expect(state.pending).toEqual({ innovation: 700 });
    expect(isDue(state, 60_000)).toBe(false);
    state = sendNow(state, 60_000);
    expect(saveStatus(state)).toBe('unsaved');
    expect(isDue(state, 60_000)).toBe(true);
  });

  it('lets a newer change supersede the failed one and keep its own due time', () => {
    let state = sendStarted(changed(initialAutosave<Values>(null), { innovation: 1 }, 0));
    state = changed(state, { innovation: 2 }, 500);
    state = sendFailed(state, refusal);
    expect(state.pending).toEqual({ innovation: 2 });
    expect(isDue(state, 500 + saveDelayMs)).toBe(true);
  });

  it('sends at once when asked (before a submission), and does nothing when all is saved', () => {
    const waiting = changed(initialAutosave<Values>(null), { innovation: 5 }, 0);
    expect(isDue(sendNow(waiting, 10), 10)).toBe(true);
    const clean = initialAutosave<Values>(null);
    expect(sendNow(clean, 10)).toBe(clean);
    expect(saveStatus(clean)).toBe('clean');
  });
});

describe('the draft kept in the browser', () => {
  const savedAt = '2026-12-01T10:00:00.000Z';

  it('keeps what the server has not confirmed, on top of the last save', () => {
    const state = changed(initialAutosave<Values>(savedAt), { innovation: 6 }, 0);
    expect(draftToStore(state)).toEqual({ values: { innovation: 6 }, basedOn: savedAt, inFlight: false });
    expect(draftToStore(sendStarted(state))).toEqual({ values: { innovation: 6 }, basedOn: savedAt, inFlight: true });
    expect(draftToStore(sendSucceeded(sendStarted(state), '2026-12-01T10:00:05.000Z'))).toBeNull();
  });

  it('comes back after a reload when the server still holds the draft it was based on', () => {
    const stored = { values: { innovation: 6 }, basedOn: savedAt, inFlight: false };
    expect(draftToRestore(stored, { status: 'draft', savedAt })).toEqual({ innovation: 6 });
    expect(draftToRestore({ ...stored, basedOn: null }, null)).toEqual({ innovation: 6 });
  });

  it('gives way to a draft saved since on another device, and to a submitted score', () => {
    const stored = { values: { innovation: 6 }, basedOn: savedAt, inFlight: false };
    expect(draftToRestore(stored, { status: 'draft', savedAt: '2026-12-01T11:00:00.000Z' })).toBeNull();
    expect(draftToRestore(stored, { status: 'submitted', savedAt })).toBeNull();
    expect(draftToRestore(null, { status: 'draft', savedAt })).toBeNull();
  });

  it('comes back when it was written while its own save was under way (the newer server draft is that save)', () => {
    const stored = { values: { innovation: 6 }, basedOn: savedAt, inFlight: true };
    expect(draftToRestore(stored, { status: 'draft', savedAt: '2026-12-01T10:00:01.000Z' })).toEqual({ innovation: 6 });
  });
});
