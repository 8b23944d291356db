import { describe, expect, it } from 'vitest';
import { canSeeZone, coordinatorZonesOf, isCoordinatorOf, isJudgeOf, isOrganiserOf, requireAccount } from './policy.ts';
import type { Account, AccountRole } from './service.ts';

const accountWith = (...roles: AccountRole[]): Account => ({ id: 'a1', email: 'a@example.com', displayName: 'A', roles });

describe('policy', () => {
  it('makes the all-contest organiser an organiser of every contest', () => {
    const demo = accountWith({ role: 'organiser', contestId: null, zoneId: null });
    expect([isOrganiserOf(demo, '000'), isOrganiserOf(demo, '004')]).toEqual([true, true]);
  });

  it('makes a contest organiser an organiser of that contest only', () => {
    const organiser = accountWith({ role: 'organiser', contestId: '000', zoneId: null });
    expect([isOrganiserOf(organiser, '000'), isOrganiserOf(organiser, '004')]).toEqual([true, false]);
  });

  it('lists the zones a coordinator coordinates in a contest', () => {
    const coordinator = accountWith(
      { role: 'coordinator', contestId: '004', zoneId: 'north' },
      { role: 'coordinator', contestId: '004', zoneId: 'south' },
      { role: 'coordinator', contestId: '000', zoneId: 'east' },
    );
    expect(coordinatorZonesOf(coordinator, '004')).toEqual(['north', 'south']);
    expect(isCoordinatorOf(coordinator, '004', 'north')).toBe(true);
    expect(isCoordinatorOf(coordinator, '004', 'east')).toBe(false);
    expect(isCoordinatorOf(coordinator, '001')).toBe(false);
  });

  it('lets organisers see every zone and coordinators their own', () => {
    const organiser = accountWith({ role: 'organiser', contestId: '004', zoneId: null });
    const coordinator = accountWith({ role: 'coordinator', contestId: '004', zoneId: 'north' });
    expect([canSeeZone(organiser, '004', 'south'), canSeeZone(coordinator, '004', 'south')]).toEqual([true, false]);
  });

  it('gives no role to someone signed out', () => {
    expect([isOrganiserOf(null, '000'), isJudgeOf(null, '000'), coordinatorZonesOf(null, '000')]).toEqual([false, false, []]);
  });

  it('asks someone signed out to sign in', () => {
    expect(() => requireAccount(null)).toThrow(expect.objectContaining({ code: 'auth.required', status: 401 }));
  });
});
