/**
 * The autosave of a judge's draft, as pure steps over a state (time passed in), so the page's hook
 * only runs timers and requests. A change waits `saveDelayMs` for the next one (a judge dragging a
 * slider sends one request, not forty); one request at a time, the newest values last; a failure
 * keeps the values unsent until a retry or the next change. What the server has not confirmed is
 * also kept in the browser (draftToStore) so that closing the tab mid-wait loses nothing.
 */
import type { Message, Problem } from '../api/types.ts';

export const saveDelayMs = 800;

export interface SaveFailure {
  message: Message;
  problems: Problem[];
}

export interface AutosaveState<V> {
  /** The newest change not yet sent, and when it is due to be. */
  pending: V | null;
  dueAt: number | null;
  /** The values the server is writing now. */
  sending: V | null;
  /** When the server last confirmed a save (its own time). */
  savedAt: string | null;
  failure: SaveFailure | null;
}

export const initialAutosave = <V>(savedAt: string | null): AutosaveState<V> => ({ pending: null, dueAt: null, sending: null, savedAt, failure: null });

/** A change: it replaces any unsent one and waits for the next. */
export const changed = <V>(state: AutosaveState<V>, values: V, now: number): AutosaveState<V> => ({ ...state, pending: values, dueAt: now + saveDelayMs });

/** Send what is unsent at once: the retry button, and before a submission. */
export const sendNow = <V>(state: AutosaveState<V>, now: number): AutosaveState<V> =>
  state.pending === null ? state : { ...state, dueAt: now, failure: null };

export const isDue = <V>(state: AutosaveState<V>, now: number) =>
  state.pending !== null && state.sending === null && state.dueAt !== null && now >= state.dueAt;

export const sendStarted = <V>(state: AutosaveState<V>): AutosaveState<V> => ({ ...state, sending: state.pending, pending: null, dueAt: null });

export const sendSucceeded = <V>(state: AutosaveState<V>, savedAt: string): AutosaveState<V> => ({ ...state, sending: null, savedAt, failure: null });

/**
 * A refused or lost save: its values stay unsent (a newer change, if any, supersedes them and keeps
 * its own due time); nothing is sent again by itself, since a refusal repeats until the judge acts.
 */
export const sendFailed = <V>(state: AutosaveState<V>, failure: SaveFailure): AutosaveState<V> =>
  state.pending !== null ? { ...state, sending: null, failure } : { ...state, pending: state.sending, dueAt: null, sending: null, failure };

export type SaveStatus = 'saving' | 'failed' | 'unsaved' | 'saved' | 'clean';

export const saveStatus = <V>(state: AutosaveState<V>): SaveStatus => {
  if (state.sending !== null) return 'saving';
  if (state.failure) return 'failed';
  if (state.pending !== null) return 'unsaved';
  return state.savedAt ? 'saved' : 'clean';
};

/** What the browser keeps until the server confirms it; the savedAt it was made on top of names its base. */
export interface StoredDraft<V> {
  values: V;
  basedOn: string | null;
  /** A save of this browser was under way when it was written: the server's newer draft may be that save. */
  inFlight: boolean;
}

export const draftToStore = <V>(state: AutosaveState<V>): StoredDraft<V> | null => {
  const values = state.pending ?? state.sending;
  return values === null ? null : { values, basedOn: state.savedAt, inFlight: state.sending !== null };
};

/**
 * The values kept in the browser that a reload takes up again: none once the score is submitted, nor
 * when the server holds a draft saved elsewhere since (another device's newer work wins).
 */
export const draftToRestore = <V>(stored: StoredDraft<V> | null, server: { status: string; savedAt: string | null } | null): V | null => {
  if (!stored) return null;
  if (server?.status === 'submitted') return null;
  const serverSavedAt = server?.savedAt ?? null;
  return stored.basedOn === serverSavedAt || stored.inFlight ? stored.values : null;
};
