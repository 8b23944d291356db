import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fixedClock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { describeOnDatabases } from '../../../test/support/test-database.ts';
import { loadSeed } from '../../../test/support/test-fixtures.ts';
import { parseDefinition } from '../load.ts';
import { contestVersion } from '../queries.ts';
import { contestDefinitionSchema } from '../schema/index.ts';
import { publishContest } from '../service.ts';
import { parsedDefinition } from './cache.ts';
import { DEFINITION_FORMAT_VERSION, readDefinition, type DefinitionFormat, type RawDefinition } from './format.ts';

/**
 * A stricter format 2, as a later schema change would make one: `shortName` is renamed `shortTitle`
 * and becomes required. Format 1 definitions no longer parse; the upgrade says what they meant.
 */
const formatTwo: DefinitionFormat = {
  current: 2,
  schema: z
    .looseObject({ shortTitle: z.string().min(1), shortName: z.never().optional() })
    .transform(({ shortTitle, shortName: _old, ...rest }) => contestDefinitionSchema.parse({ ...rest, shortName: shortTitle })),
  upgrades: [{ from: 1, to: 2, upgrade: ({ shortName, ...raw }) => ({ ...raw, shortTitle: shortName ?? raw.name }) }],
};

const refusal = (read: () => unknown) => {
  try {
    read();
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, status: error.status, en: error.localised.en };
    throw error;
  }
  throw new Error('expected a refusal');
};

const stored = async () => JSON.parse(JSON.stringify((await loadSeed('000')).definition)) as RawDefinition;

describe('reading a definition written in an older format', () => {
  it('refuses format 1 under the stricter schema directly, and reads it through the upgrade', async () => {
    const raw = await stored();
    expect(formatTwo.schema.safeParse(raw).success).toBe(false);
    const upgraded = readDefinition(raw, 1, formatTwo);
    expect([upgraded.id, upgraded.shortName]).toEqual(['jjj-social-security-card-2025', '社保卡"一卡通"应用创新大赛']);
  });

  it('refuses a format newer than the code with contest.format_too_new', async () => {
    expect(refusal(() => readDefinition({}, 3, formatTwo))).toEqual({
      code: 'contest.format_too_new',
      status: 422,
      en: 'The definition is in format 3, newer than the 2 this Leitai reads; upgrade Leitai',
    });
  });

  it('refuses a format no upgrade starts from with contest.format_unknown', async () => {
    const gap: DefinitionFormat = { ...formatTwo, current: 3 };
    expect(refusal(() => readDefinition({}, 2, gap))).toEqual({
      code: 'contest.format_unknown',
      status: 422,
      en: 'No upgrade from definition format 2 is known',
    });
    expect(refusal(() => readDefinition({}, 0, formatTwo))).toEqual({
      code: 'contest.format_unknown',
      status: 422,
      en: 'No upgrade from definition format 0 is known',
    });
  });

  it('reports a file that declares a newer format at its formatVersion line', async () => {
    const { source } = await loadSeed('000');
    const result = parseDefinition(`formatVersion: ${DEFINITION_FORMAT_VERSION + 1}\n${source}`, '000.yaml');
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          file: '000.yaml',
          line: 1,
          column: 16,
          path: 'formatVersion',
          message: `The definition is in format ${DEFINITION_FORMAT_VERSION + 1}, newer than the ${DEFINITION_FORMAT_VERSION} this Leitai reads; upgrade Leitai`,
        },
      ],
    });
  });

  it('reads a file that declares the current format as one that declares none', async () => {
    const { source, definition } = await loadSeed('000');
    expect(parseDefinition(`formatVersion: ${DEFINITION_FORMAT_VERSION}\n${source}`)).toEqual({
      ok: true,
      definition,
      source: `formatVersion: ${DEFINITION_FORMAT_VERSION}\n${source}`,
    });
  });
});

describeOnDatabases('a stored version of an older format', (database) => {
  it('loads through its upgrade when the schema has become stricter', async () => {
    const { definition, source } = await loadSeed('000');
    await publishContest(database.db, { definition, sourceYaml: source }, 'system', fixedClock('2025-05-01T09:00:00+08:00'));
    const version = (await contestVersion(database.db, definition.id, 1))!;
    expect(version.format_version).toBe(1);
    const read = parsedDefinition(version, formatTwo);
    expect([read.id, read.shortName, read.tracks.length]).toEqual([definition.id, definition.shortName, definition.tracks.length]);
  });
});
