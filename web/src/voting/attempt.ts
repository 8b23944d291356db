/**
 * One vote as the page sends it. The idempotency key is made when the voter taps 投票 and kept
 * until the server answers: a retry after a network error (or a server error, when the vote may
 * have been committed before the answer was lost) sends the very same request — same key, same
 * solved challenge — so the server gives back its first answer and the vote counts once.
 */
export interface VoteAttempt {
  entryId: string;
  key: string;
  /** The solved challenge, once the widget has one for this attempt. */
  challenge?: string;
}

/** The attempt to send for a vote on `entryId`: the one still unanswered for it, or a new one. */
export const attemptFor = (pending: VoteAttempt | null, entryId: string, newKey: () => string): VoteAttempt =>
  pending && pending.entryId === entryId ? pending : { entryId, key: newKey() };

/**
 * Whether an attempt stays pending after its request failed: when no answer came (status 0) or the
 * server failed (5xx). A refusal (4xx) is an answer: the vote was not cast, and the next tap is a
 * new vote.
 */
export const keepsAttempt = (status: number) => status === 0 || status >= 500;
