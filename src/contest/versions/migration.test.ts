import { Migrator } from 'kysely';
import { expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import { migrateToLatest } from '../../platform/database.ts';
import { migrations } from '../../platform/migrations/index.ts';
import { describeOnDatabases } from '../../../test/support/test-database.ts';
import { loadSeed } from '../../../test/support/test-fixtures.ts';
import { getContest, publishContest } from '../service.ts';
import { definitionSha256 } from './cache.ts';

describeOnDatabases('the migration to contest versions', (database) => {
  it('makes each stored definition its contest version 1, published by whoever published it, which publishing it again leaves as it is', async () => {
    const migrator = new Migrator({ db: database.db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('2026113031-invitation-binding')).error).toBe(undefined);
    const { definition, source } = await loadSeed('000');
    const updatedAt = new Date('2025-05-02T01:00:00Z');
    await database.db
      .insertInto('contests' as never)
      .values({
        id: definition.id,
        name: definition.name,
        definition: JSON.stringify(definition),
        source_yaml: source,
        source_file: 'contests/000.yaml',
        created_at: updatedAt,
        updated_at: updatedAt,
      } as never)
      .execute();
    await database.db
      .insertInto('audit_events')
      .values({ contest_id: definition.id, seq: 1, at: updatedAt, actor: 'organiser-1', type: 'contest.published', payload: '{}', prev_hash: '0', hash: '1' })
      .execute();
    await migrateToLatest(database.db);

    const sha256 = definitionSha256(JSON.parse(JSON.stringify(definition)));
    expect(await database.db.selectFrom('contest_versions').selectAll().execute()).toEqual([
      {
        contest_id: definition.id,
        version: 1,
        sha256,
        definition: JSON.parse(JSON.stringify(definition)),
        source_yaml: source,
        format_version: 1,
        published_at: updatedAt,
        published_by: 'organiser-1',
      },
    ]);
    expect((await getContest(database.db, definition.id)).definition).toEqual(definition);
    expect(await publishContest(database.db, { definition, sourceYaml: source }, 'system', fixedClock('2025-05-03T09:00:00+08:00'))).toEqual({
      outcome: 'unchanged',
      version: 1,
      sha256,
    });
  });
});
