/**
 * `npm run db:types`: migrates a fresh in-memory embedded database and writes its row types to
 * src/platform/db-generated.ts. Run it after adding or changing a migration, and commit the result
 * with the migration.
 */
import { writeFileSync } from 'node:fs';
import { migrateToLatest, openDatabase } from '../src/platform/database.ts';
import { databaseTypes, generatedTypesPath } from './db-codegen.ts';

const database = await openDatabase({ memory: true });
try {
  await migrateToLatest(database.db);
  writeFileSync(generatedTypesPath, await databaseTypes(database.db));
  console.log(`wrote ${generatedTypesPath}`);
} finally {
  await database.close();
}
