import { useState } from 'react';
import { useRevalidator } from 'react-router';
import { ApiError } from '../../api/index.ts';
import type { Problem } from '../../api/types.ts';
import { useI18n } from '../../i18n.ts';

export interface ActionError {
  message: string;
  problems: Problem[];
}

/**
 * One change the board asks the server for: which button is busy, the refusal in the reader's
 * language (with its problems, e.g. why a hand move breaks a conflict), and the board reloaded after
 * a change so every table shows what the server now holds.
 */
export const useAction = () => {
  const { t, pick } = useI18n();
  const revalidator = useRevalidator();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const run = async <T>(key: string, work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(key);
    setError(null);
    try {
      const result = await work();
      await revalidator.revalidate();
      return result;
    } catch (e) {
      setError(e instanceof ApiError ? { message: pick(e.messages), problems: e.problems } : { message: t('error.unexpected'), problems: [] });
      return undefined;
    } finally {
      setBusy(null);
    }
  };
  return { busy, error, run, clearError: () => setError(null) };
};
