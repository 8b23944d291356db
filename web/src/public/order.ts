import type { ContestSummary } from '../api/types.ts';

/** The contest list's order: open registrations first, then by when registration starts, the latest first. */
export const byOpenThenLatest = (a: ContestSummary, b: ContestSummary) =>
  Number(b.registration.open) - Number(a.registration.open) || Date.parse(b.registration.start) - Date.parse(a.registration.start);
