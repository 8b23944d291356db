import { expect, it } from 'vitest';
import { fixedClock } from '../clock.ts';
import { describeOnDatabases } from '../../../test/support/test-database.ts';
import { authenticate, createAccount, disableDemoAccounts, grantRole, sessionAccount, sessionIdOf, signOut } from './service.ts';

const clock = fixedClock('2025-09-01T08:00:00Z');
const alice = { email: ' Alice@Example.COM ', password: 'correct horse', displayName: '爱丽丝' };
const admin = { actor: 'admin-account', clock };

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
    await grantRole(database.db, account.id, { role: 'organiser' }, admin);
    await grantRole(database.db, account.id, { role: 'organiser' }, admin);
    await grantRole(database.db, account.id, { role: 'coordinator', contestId: '004', zoneId: 'north' }, admin);
    await expect(grantRole(database.db, account.id, { role: 'coordinator', contestId: '004' }, admin)).rejects.toMatchObject({
      code: 'auth.coordinator_needs_zone',
    });
    const { token } = await authenticate(database.db, alice.email, alice.password, clock);
    expect((await sessionAccount(database.db, token, clock))?.roles).toEqual([
      { role: 'coordinator', contestId: '004', zoneId: 'north' },
      { role: 'organiser', contestId: null, zoneId: null },
    ]);
  });

  it('refuses a common password, a keyboard walk and a repeated character with zxcvbn’s advice in both languages', async () => {
    const refusal = (en: string, zh: string) => {
      const message = { zh: `密码太容易被猜到。${zh}`, en: `The password is too easy to guess. ${en}` };
      return { code: 'auth.password_weak', status: 400, localised: message, problems: [{ code: 'auth.password_weak', path: 'password', message }] };
    };
    await expect(createAccount(database.db, { ...alice, password: 'password123' }, clock)).rejects.toMatchObject(
      refusal('This is a commonly used password. Add more words that are less common.', '这是常用密码。再加几个不常见的词。'),
    );
    await expect(createAccount(database.db, { ...alice, password: 'qwertyuiop' }, clock)).rejects.toMatchObject(
      refusal('This is a frequently used password. Add more words that are less common.', '这是经常被使用的密码。再加几个不常见的词。'),
    );
    await expect(createAccount(database.db, { ...alice, password: 'aaaaaaaaaaaa' }, clock)).rejects.toMatchObject(
      refusal(
        'Repeated characters like "aaa" are easy to guess. Add more words that are less common. Avoid repeated words and characters.',
        '像“aaa”这样重复的字符很容易被猜到。再加几个不常见的词。避免重复的单词和字符。',
      ),
    );
    expect(await database.db.selectFrom('accounts').select('id').execute()).toEqual([]);
  });

  it('refuses a password that is or holds the email, its name part or the display name', async () => {
    const personal = {
      zh: '密码太容易被猜到。密码不应包含个人信息或与本站相关的内容。',
      en: 'The password is too easy to guess. There should not be any personal or page related data.',
    };
    for (const password of ['alice@example.com', 'Alice@Example.com!', 'my name is alice', 'Wonderland Liddell 7']) {
      await expect(createAccount(database.db, { ...alice, displayName: 'Wonderland Liddell', password }, clock)).rejects.toMatchObject({
        code: 'auth.password_weak',
        localised: personal,
      });
    }
  });

  it('records each new account and each role granted on the platform audit chain, without email or name', async () => {
    const account = await createAccount(database.db, alice, clock, [{ role: 'participant' }]);
    await grantRole(database.db, account.id, { role: 'judge', contestId: '002' }, admin);
    await grantRole(database.db, account.id, { role: 'judge', contestId: '002' }, admin);
    const events = await database.db.selectFrom('audit_events').select(['contest_id', 'seq', 'actor', 'type', 'payload']).orderBy('seq').execute();
    expect(events.map((e) => ({ ...e, seq: Number(e.seq) }))).toEqual([
      {
        contest_id: '',
        seq: 1,
        actor: account.id,
        type: 'account.created',
        payload: { accountId: account.id, demo: false, roles: [{ role: 'participant', contestId: null, zoneId: null }] },
      },
      {
        contest_id: '',
        seq: 2,
        actor: 'admin-account',
        type: 'role.granted',
        payload: { accountId: account.id, role: 'judge', contestId: '002', zoneId: null },
      },
    ]);
  });

  it('signs a demo account in only where demo accounts are allowed, and ends its sessions when they are disabled', async () => {
    const demo = await createAccount(
      database.db,
      { email: 'someone@leitai.demo', password: 'leitai-demo', displayName: '演示 Demo person', demo: true },
      clock,
    );
    await expect(authenticate(database.db, 'someone@leitai.demo', 'leitai-demo', clock)).rejects.toMatchObject({ code: 'auth.demo_account', status: 403 });
    const { token } = await authenticate(database.db, 'someone@leitai.demo', 'leitai-demo', clock, { demoAccounts: true });
    await createAccount(database.db, alice, clock);
    const { token: aliceToken } = await authenticate(database.db, alice.email, alice.password, clock);
    expect(await disableDemoAccounts(database.db)).toBe(1);
    expect(await sessionAccount(database.db, token, clock)).toBe(null);
    expect((await sessionAccount(database.db, aliceToken, clock))?.email).toBe('alice@example.com');
    expect(demo.email).toBe('someone@leitai.demo');
  });
});
