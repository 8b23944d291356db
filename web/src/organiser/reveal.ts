/** The server refuses a shorter reason (src/registration/schema.ts revealBody). */
export const REVEAL_REASON_MIN = 4;

export const isReasonGiven = (reason: string) => [...reason.trim()].length >= REVEAL_REASON_MIN;
