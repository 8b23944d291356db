import { describe, expect, it } from 'vitest';
import type { Account, Role } from './api/types.ts';
import { managesContest, organisesContest, safeNext } from './session.ts';

const account = (...roles: Role[]): Account => ({ id: 'a', email: 'a@example.cn', displayName: 'A', roles });

describe('who sees the organiser pages', () => {
  it('lets an organiser of all contests, or of this one, manage it and start a new edition', () => {
    expect(managesContest(account({ role: 'organiser', contestId: null, zoneId: null }), 'x')).toBe(true);
    expect(organisesContest(account({ role: 'organiser', contestId: 'x', zoneId: null }), 'x')).toBe(true);
    expect(organisesContest(account({ role: 'organiser', contestId: 'y', zoneId: null }), 'x')).toBe(false);
  });

  it('lets a zone coordinator see the registrations but not start a new edition', () => {
    const coordinator = account({ role: 'coordinator', contestId: 'x', zoneId: 'zhangjiakou' });
    expect(managesContest(coordinator, 'x')).toBe(true);
    expect(organisesContest(coordinator, 'x')).toBe(false);
  });

  it('keeps participants and visitors out', () => {
    expect(managesContest(account({ role: 'participant', contestId: 'x', zoneId: null }), 'x')).toBe(false);
    expect(managesContest(null, 'x')).toBe(false);
  });
});

describe('safeNext', () => {
  it('follows only paths within this site', () => {
    expect(safeNext('/contests/x/register')).toBe('/contests/x/register');
    expect(safeNext('//evil.example/')).toBe('/');
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext(null, '/me')).toBe('/me');
  });

  it('refuses the addresses a browser reads as another site: backslash, encoded backslash, tab, scheme', () => {
    for (const next of [
      '/\\evil.example',
      '/%5Cevil.example',
      '/%5cevil.example',
      '//evil.example',
      '/\t/evil.example',
      'https://evil.example',
      'javascript:alert(1)',
      '/%E0%A4%A',
    ]) {
      expect(safeNext(next, '/me')).toBe('/me');
    }
  });

  it('keeps the query and fragment of a path within this site', () => {
    expect(safeNext('/contests/x?tab=works#files')).toBe('/contests/x?tab=works#files');
  });
});
