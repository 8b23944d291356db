import { describe, expect, it } from 'vitest';
import type { ContestSummary } from '../api/types.ts';
import { byOpenThenLatest } from './order.ts';

const contest = (id: string, open: boolean, start: string) => ({ id, registration: { open, start, end: start } }) as unknown as ContestSummary;

describe('the contest list order', () => {
  it('puts open registrations first, then the latest to open', () => {
    const list = [
      contest('2021', false, '2021-07-01T00:00:00+08:00'),
      contest('2026-open', true, '2026-11-09T00:00:00+08:00'),
      contest('2025', false, '2025-05-12T00:00:00+08:00'),
      contest('2026-open-later', true, '2026-11-13T00:00:00+08:00'),
    ];
    expect([...list].sort(byOpenThenLatest).map((c) => c.id)).toEqual(['2026-open-later', '2026-open', '2025', '2021']);
  });
});
