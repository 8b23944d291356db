import { expect, it } from 'vitest';
import { fixedClock } from '../clock.ts';
import { describeOnDatabases } from '../test-database.ts';
import { authenticate, createAccount, grantRole, sessionAccount, sessionIdOf, signOut } from './service.ts';

const clock = fixedClock('2025-09-01T08:00:00Z');
const alice = { email: ' Alice@Example.COM ', password: 'correct horse', displayName: '爱丽丝' };

describeOnDatabases('accounts and sessions', (database) => {
  it('creates an account with a lowercased email and the roles given', async () => {
    const account = await createAccount(database.db, alice, clock, [{ role: 'participant' }]);
    expect(account).toEqual({
      id: expect.any(String),
      email: 'alice@example.com',
      displayName: '爱丽丝',
      roles: [{ role: 'participant', contestId: null, zoneId: null }],
    });
  });

  it('refuses a second account with the same email in other case', async () => {
    await createAccount(database.db, alice, clock);
    await expect(createAccount(database.db, { ...alice, email: 'ALICE@example.com' }, clock)).rejects.toMatchObject({
      code: 'auth.email_taken',
      status: 409,
    });
  });

  it('refuses a malformed email and a password shorter than 8 characters', async () => {
    await expect(createAccount(database.db, { ...alice, email: 'alice' }, clock)).rejects.toMatchObject({
      code: 'auth.invalid_email',
    });
    await expect(createAccount(database.db, { ...alice, password: '1234567' }, clock)).rejects.toMatchObject({
      code: 'auth.password_length',
    });
  });

  it('signs in with the right password and finds the account by its token', async () => {
    const created = await createAccount(database.db, alice, clock);
    const signedIn = await authenticate(database.db, 'ALICE@example.com', 'correct horse', clock);
    expect(signedIn.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(signedIn.expiresAt).toEqual(new Date('2025-10-01T08:00:00Z'));
    expect(await sessionAccount(database.db, signedIn.token, clock)).toEqual(created);
  });

  it('stores the sha256 of the token, never the token', async () => {
    await createAccount(database.db, alice, clock);
    const { token } = await authenticate(database.db, alice.email, alice.password, clock);
    const rows = await database.db.selectFrom('sessions').select('id').execute();
    expect(rows).toEqual([{ id: sessionIdOf(token) }]);
  });

  it('refuses a wrong password and an unknown email with the same error', async () => {
    await createAccount(database.db, alice, clock);
    const wrongPassword = authenticate(database.db, alice.email, 'wrong horse', clock);
    await expect(wrongPassword).rejects.toMatchObject({ code: 'auth.invalid_credentials', status: 401 });
    const unknownEmail = authenticate(database.db, 'bob@example.com', 'correct horse', clock);
    await expect(unknownEmail).rejects.toMatchObject({ code: 'auth.invalid_credentials', status: 401 });
  });

  it('forgets a session once it expires or is signed out', async () => {
    await createAccount(database.db, alice, clock);
    const { token } = await authenticate(database.db, alice.email, alice.password, clock);
    expect(await sessionAccount(database.db, token, fixedClock('2025-10-01T08:00:00Z'))).toBe(null);
    expect(await sessionAccount(database.db, token, clock)).not.toBe(null);
    await signOut(database.db, token);
    expect(await sessionAccount(database.db, token, clock)).toBe(null);
  });

  it('sweeps the account’s expired sessions when it signs in again, keeping live ones', async () => {
    await createAccount(database.db, alice, clock);
    await authenticate(database.db, alice.email, alice.password, clock);
    const later = fixedClock('2025-09-20T08:00:00Z');
    await authenticate(database.db, alice.email, alice.password, later);
    expect((await database.db.selectFrom('sessions').select('id').execute()).length).toBe(2);
    await authenticate(database.db, alice.email, alice.password, fixedClock('2025-10-05T08:00:00Z'));
    // The first (expired 2025-10-01) is gone; the second (until 2025-10-20) and the new one stay.
    expect((await database.db.selectFrom('sessions').select('expires_at').orderBy('expires_at').execute()).map((s) => s.expires_at.toISOString())).toEqual([
      '2025-10-20T08:00:00.000Z',
      '2025-11-04T08:00:00.000Z',
    ]);
  });

  it('grants roles once each, a coordinator with a contest and zone', async () => {
    const account = await createAccount(database.db, alice, clock);
    await grantRole(database.db, account.id, { role: 'organiser' });
    await grantRole(database.db, account.id, { role: 'organiser' });
    await grantRole(database.db, account.id, { role: 'coordinator', contestId: '004', zoneId: 'north' });
    await expect(grantRole(database.db, account.id, { role: 'coordinator', contestId: '004' })).rejects.toMatchObject({
      code: 'auth.coordinator_needs_zone',
    });
    const { token } = await authenticate(database.db, alice.email, alice.password, clock);
    expect((await sessionAccount(database.db, token, clock))?.roles).toEqual([
      { role: 'coordinator', contestId: '004', zoneId: 'north' },
      { role: 'organiser', contestId: null, zoneId: null },
    ]);
  });
});
