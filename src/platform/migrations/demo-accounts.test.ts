import { Migrator } from 'kysely';
import { expect, it } from 'vitest';
import { migrateToLatest } from '../database.ts';
import { describeOnDatabases } from '../../../test/support/test-database.ts';
import { migrations } from './index.ts';

describeOnDatabases('the demo-accounts migration', (database) => {
  it('marks the accounts earlier demo starts made (the @leitai.demo domain) as demo, and no other', async () => {
    const migrator = new Migrator({ db: database.db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('2026112311-submission-fields')).error).toBe(undefined);
    await database.db
      .insertInto('accounts')
      .values([
        { id: 'demo', email: 'organiser@leitai.demo', password_hash: 'x', display_name: 'Demo' },
        { id: 'real', email: 'organiser@leitai.demo.example.cn', password_hash: 'x', display_name: 'Real' },
      ])
      .execute();
    await migrateToLatest(database.db);
    expect(await database.db.selectFrom('accounts').select(['id', 'is_demo']).orderBy('id').execute()).toEqual([
      { id: 'demo', is_demo: true },
      { id: 'real', is_demo: false },
    ]);
  });
});
