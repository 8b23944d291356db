import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/index.ts';
import type { ScoreValues } from '../api/judging.ts';
import {
  changed,
  draftToStore,
  initialAutosave,
  isDue,
  sendFailed,
  sendNow,
  sendStarted,
  sendSucceeded,
  type AutosaveState,
  type SaveFailure,
  type StoredDraft,
} from './autosave.ts';

/** Where the browser keeps a judge's unconfirmed draft of one entry in one round. */
export const draftKey = (contestId: string, roundId: string, entryId: string) => `leitai.judge-draft.${contestId}.${roundId}.${entryId}`;

export const readDraft = (key: string): StoredDraft<ScoreValues> | null => {
  try {
    const text = localStorage.getItem(key);
    return text ? (JSON.parse(text) as StoredDraft<ScoreValues>) : null;
  } catch {
    return null;
  }
};

const writeDraft = (key: string, draft: StoredDraft<ScoreValues> | null) => {
  try {
    if (draft) localStorage.setItem(key, JSON.stringify(draft));
    else localStorage.removeItem(key);
  } catch {
    // Private mode or a full store: the server's copy is then the only one, as before this existed.
  }
};

const failureOf = (error: unknown): SaveFailure =>
  error instanceof ApiError
    ? { message: error.messages, problems: error.problems }
    : { message: { zh: '保存失败，请重试。', en: 'Saving failed; try again.' }, problems: [] };

/**
 * Runs autosave.ts's steps with real timers and requests: `change` after every edit, `retry` from
 * the failure's button (sends at once), `finish` once the score is submitted (what is still on its way is ignored).
 * `save` resolves to the server's savedAt.
 */
export const useAutosave = (key: string, savedAt: string | null, save: (values: ScoreValues) => Promise<string>) => {
  const [state, setState] = useState<AutosaveState<ScoreValues>>(() => initialAutosave(savedAt));
  const current = useRef(state);
  const finished = useRef(false);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const update = useCallback(
    (step: (s: AutosaveState<ScoreValues>) => AutosaveState<ScoreValues>) => {
      if (finished.current) return;
      current.current = step(current.current);
      setState(current.current);
      writeDraft(key, draftToStore(current.current));
    },
    [key],
  );

  const send = useCallback(async () => {
    if (!isDue(current.current, Date.now())) return;
    update(sendStarted);
    try {
      const at = await saveRef.current(current.current.sending!);
      update((s) => sendSucceeded(s, at));
    } catch (error) {
      update((s) => sendFailed(s, failureOf(error)));
    }
  }, [update]);

  useEffect(() => {
    if (state.dueAt === null || state.sending !== null) return;
    const timer = setTimeout(() => void send(), Math.max(0, state.dueAt - Date.now()));
    return () => clearTimeout(timer);
  }, [state.dueAt, state.sending, send]);

  // Leaving the entry (the next one, the list) or the tab going to the background (a phone may end
  // it there) sends what waits at once rather than at the end of the wait.
  const flush = useCallback(() => {
    update((s) => sendNow(s, Date.now()));
    void send();
  }, [update, send]);
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      flush();
    };
  }, [flush]);

  return {
    state,
    change: useCallback((values: ScoreValues) => update((s) => changed(s, values, Date.now())), [update]),
    retry: flush,
    finish: useCallback(() => {
      finished.current = true;
      writeDraft(key, null);
    }, [key]),
    /** A kept draft that a reload does not take up (the server's is newer, or submitted) is dropped. */
    discard: useCallback(() => writeDraft(key, null), [key]),
  };
};
