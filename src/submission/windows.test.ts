import { describe, expect, it } from 'vitest';
import { seedDefinition } from '../../test/support/factories.ts';
import { isSubmissionOpen, mayContinueUpload, submissionDeadline } from './windows.ts';

const contest000 = seedDefinition('000');
const at = (iso: string) => new Date(iso);

describe('the submission window of 000 (报名及作品提交, 2025-05-12 to 2025-09-09 Beijing time)', () => {
  it('is open at the last second and closed at midnight', () => {
    expect(isSubmissionOpen(contest000, at('2025-09-09T23:59:59+08:00'))).toBe(true);
    expect(isSubmissionOpen(contest000, at('2025-09-10T00:00:00+08:00'))).toBe(false);
  });
  it('lets an upload begun at 23:58 go on for two hours after the deadline, and no longer', () => {
    const started = at('2025-09-09T23:58:00+08:00');
    expect(mayContinueUpload(contest000, started, at('2025-09-10T01:59:59+08:00'))).toBe(true);
    expect(mayContinueUpload(contest000, started, at('2025-09-10T02:00:00+08:00'))).toBe(false);
  });
  it('does not let an upload begun after the deadline continue', () => {
    expect(mayContinueUpload(contest000, at('2025-09-10T00:00:01+08:00'), at('2025-09-10T00:00:02+08:00'))).toBe(false);
  });
  it('names the deadline', () => {
    expect(submissionDeadline(contest000, at('2025-06-01T00:00:00+08:00'))?.toISOString()).toBe('2025-09-09T16:00:00.000Z');
  });
});
