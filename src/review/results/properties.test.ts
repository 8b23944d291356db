import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seedDefinition } from '../../../test/support/factories.ts';
import type { ContestDefinition } from '../../contest/schema/index.ts';
import { computeResults } from './compute.ts';
import type { ResultsInput } from './types.ts';

/** Properties every result holds, whatever the scores: checked on random rounds of seed 000. */

const divisions = ['publicity', 'app-dev/campus', 'app-dev/social', 'case-selection'];

/** Up to 30 entries (of any size up to that, not mostly small ones) in random divisions, up to 4 judges with coarse totals (so ties happen), random votes. */
const rounds = fc
  .record({
    entries: fc.uniqueArray(fc.record({ id: fc.stringMatching(/^e[0-9]{1,3}$/), division: fc.constantFrom(...divisions) }), {
      selector: (e) => e.id,
      maxLength: 30,
      size: 'max',
    }),
    judges: fc.integer({ min: 1, max: 4 }),
    seed: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 120, maxLength: 120 }),
    votes: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 30, maxLength: 30 }),
  })
  .map(({ entries, judges, seed, votes }): ResultsInput => ({
    entries,
    scores: entries.flatMap((e, i) => Array.from({ length: judges }, (_, j) => ({ judge: `j${j}`, entry: e.id, total: seed[(i * 4 + j) % 120] * 10 }))),
    votes: entries.map((e, i) => ({ entry: e.id, count: votes[i] })),
  }));

const definitions: [string, ContestDefinition][] = [
  ['000 as published', seedDefinition('000')],
  ['000 with one award per entry off', { ...seedDefinition('000'), awards: { ...seedDefinition('000').awards, oneAwardPerEntry: false } }],
];

describe.each(definitions)('results of random rounds (%s)', (_name, definition) => {
  it('ranks every scored entry once, best first, with ranks that follow the scores', () => {
    fc.assert(
      fc.property(rounds, (input) => {
        const results = computeResults(definition, 'preliminary', input);
        const listed = results.divisions.flatMap((d) => d.entries.map((e) => e.id));
        expect([...listed].sort()).toEqual(input.entries.map((e) => e.id).sort());
        for (const d of results.divisions) {
          d.entries.forEach((e, i) => {
            expect(e.rank).toBe(d.entries.findIndex((other) => other.score === e.score && other.judgeScore === e.judgeScore && other.votes === e.votes) + 1);
            if (i > 0) expect(e.score!).toBeLessThanOrEqual(d.entries[i - 1].score!);
          });
        }
      }),
    );
  });

  it('sends at most 10 of a division on, exactly min(10, entries) where no tie sits at the cut', () => {
    fc.assert(
      fc.property(rounds, (input) => {
        const results = computeResults(definition, 'preliminary', input);
        const tiedAtCut = new Set(results.problems.filter((p) => p.code === 'advance.tie').map((p) => p.division));
        for (const d of results.divisions) {
          const going = d.entries.filter((e) => e.advances).length;
          if (tiedAtCut.has(d.id)) expect(going).toBeLessThan(10);
          else expect(going).toBe(Math.min(10, d.entries.length));
        }
        expect(results.advancing).toBe(results.divisions.flatMap((d) => d.entries).filter((e) => e.advances).length);
      }),
    );
  });

  it('never gives a tier more than its places, and with one award per entry never two to one entry', () => {
    fc.assert(
      fc.property(rounds, (input) => {
        const results = computeResults(definition, 'final', input);
        for (const d of results.divisions) {
          const group = definition.awards.groups.find((g) => Array.isArray(g.divisions) && g.divisions.includes(d.id))!;
          for (const tier of group.tiers) {
            const given = d.awards.filter((a) => a.tier === tier.id).length;
            const vacancy = d.vacancies.find((v) => v.tier === tier.id);
            const places = given + (vacancy?.empty ?? 0) + (vacancy?.undecided ?? 0);
            // 优秀作品奖 goes to every finalist not placed (凡…均), so it may exceed its published count, never fall short.
            if (tier.decidedBy === 'finalists-not-placed') expect(places).toBeGreaterThanOrEqual(tier.count!);
            else expect(places).toBe(tier.count);
          }
          const entries = d.awards.map((a) => a.entry);
          if (definition.awards.oneAwardPerEntry) expect(new Set(entries).size).toBe(entries.length);
        }
      }),
    );
  });
});
