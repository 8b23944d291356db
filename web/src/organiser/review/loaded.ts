import { ApiError } from '../../api/index.ts';
import type { Message } from '../../api/types.ts';

/** One part of a page's data: what came back, or the server's refusal of that part alone. */
export type Loaded<T> = { ok: true; value: T } | { ok: false; error: Message; code: string };

const unexpected: Message = { zh: '发生意外错误，请稍后重试。', en: 'An unexpected error occurred. Please try again.' };

/**
 * Waits for one part of the board, so that a part the server refuses (a round waiting for the one
 * before it, a route not there) shows its refusal in its own section rather than failing the page.
 * Signing out (401) and leaving the page (abort) still end the whole load.
 */
export const settle = async <T>(pending: Promise<T>): Promise<Loaded<T>> => {
  try {
    return { ok: true, value: await pending };
  } catch (error) {
    if ((error as Error).name === 'AbortError' || (error instanceof ApiError && error.status === 401)) throw error;
    return error instanceof ApiError ? { ok: false, error: error.messages, code: error.code } : { ok: false, error: unexpected, code: 'unexpected' };
  }
};
