import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { databaseTypes, generatedTypesPath } from '../../scripts/db-codegen.ts';
import { describeOnDatabases } from '../../test/support/test-database.ts';

describeOnDatabases('the generated row types', (database) => {
  it('are what the migrations give (after a migration: npm run db:types)', async () => {
    expect(await databaseTypes(database.db)).toBe(readFileSync(generatedTypesPath, 'utf8'));
  });
});
