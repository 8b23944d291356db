import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeOnDatabases } from '../../../test/support/test-database.ts';
import { contestWithEntries, newVoter } from '../../../test/support/vote-fixtures.ts';
import { addToTallies, insertVotes } from '../ingest/queries.ts';
import { rescanPhasesVotedSince } from './rescan-schedule.ts';

const at = (local: string) => new Date(`2025-09-13T${local}+08:00`);

describeOnDatabases('rescans while serving', (database) => {
  it('rescans each vote phase that took votes since the pass before, and no other', async () => {
    const { db } = database;
    const { contestId, entries } = await contestWithEntries(db, 1);
    const voters = [];
    for (const n of [20, 21, 22, 23, 24]) voters.push(await newVoter(db, n));
    await insertVotes(
      db,
      voters.map((voterId, i) => ({
        id: randomUUID(),
        contestId,
        phaseId: 'public-vote',
        registrationId: entries[0],
        divisionId: 'app-dev/social',
        voterId,
        idempotencyKey: randomUUID(),
        castAt: at(`1${i}:00:00`),
        address: `36.1.${i}.3`,
        subnet: `36.1.${i}.0/24`,
        device: `model-${i}`,
        status: 'counted',
        holdReasons: [],
      })),
    );
    await addToTallies(db, [{ contestId, phaseId: 'public-vote', registrationId: entries[0], counted: 5, held: 0 }]);

    expect(await rescanPhasesVotedSince(db, at('14:00:01'), at('15:00:00'))).toEqual([]);
    expect(await rescanPhasesVotedSince(db, at('14:00:00'), at('15:00:00'))).toEqual([
      { contestId, phaseId: 'public-vote', held: 5, signals: { 'number-block': 5 } },
    ]);
    const [event] = await db.selectFrom('audit_events').select(['actor', 'at']).where('type', '=', 'votes.held').execute();
    expect(event).toEqual({ actor: 'system', at: at('15:00:00') });
  });
});
