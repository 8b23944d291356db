/** Whole seconds from `now` until `until` (an ISO time), never below 0: 60 s after a code is sent, then 59… */
export const secondsUntil = (until: string, now: number) => Math.max(0, Math.ceil((Date.parse(until) - now) / 1000));
