import { describe, expect, it } from 'vitest';
import { loadSeed } from '../../../test/support/test-fixtures.ts';
import { phaseWindow } from '../views.ts';
import { definitionSha256, parsedDefinition } from './cache.ts';

const storedSeed = async () => {
  const definition = JSON.parse(JSON.stringify((await loadSeed('000')).definition)) as { phases: unknown[] };
  return { sha256: definitionSha256(definition), format_version: 1, definition };
};

describe('the parse cache', () => {
  it('parses a version once and hands every reader the same frozen definition', async () => {
    const version = await storedSeed();
    const first = parsedDefinition(version);
    // A later read with the same SHA-256 is not validated again, whatever the row holds.
    const again = parsedDefinition({ ...version, definition: { broken: true } });
    expect(again).toBe(first);
    expect([Object.isFrozen(first), Object.isFrozen(first.phases[0]), Object.isFrozen(first.tracks[0].rules)]).toEqual([true, true, true]);
  });

  it('keeps the window of a frozen phase, and recomputes one of a phase that may still change', async () => {
    const frozen = parsedDefinition(await storedSeed());
    expect(phaseWindow(frozen, frozen.phases[0])).toBe(phaseWindow(frozen, frozen.phases[0]));
    const open = (await loadSeed('000')).definition;
    const before = phaseWindow(open, open.phases[0]).endExclusive.toISO();
    open.phases[0].end = '2025-09-30';
    expect([before, phaseWindow(open, open.phases[0]).endExclusive.toISO()]).toEqual(['2025-09-10T00:00:00.000+08:00', '2025-10-01T00:00:00.000+08:00']);
  });
});
