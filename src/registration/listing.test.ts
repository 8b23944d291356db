import { expect, it } from 'vitest';
import { fixedClock } from '../platform/clock.ts';
import { extendPhase, closePhaseEarly } from '../schedule/service.ts';
import { describeOnDatabases } from '../../test/support/test-database.ts';
import { during, entryOf, newAccount, publishSeed, seeds } from '../../test/support/test-fixtures.ts';
import { myRegistrations, showRegistration } from './listing.ts';
import { registerEntry } from './service.ts';

const contestId = seeds['000'].id;
/** A day after 000's planned registration deadline (2025-09-09). */
const dayAfterDeadline = fixedClock('2025-09-10T12:00:00+08:00');

describeOnDatabases('what a reply says the viewer may do', (database) => {
  it("follows the registration window as scheduled, so the page's buttons match what the service accepts", async () => {
    await publishSeed(database.db, '000');
    const organiser = await newAccount(database.db, '主办方', [{ role: 'organiser', contestId }]);
    const leader = await newAccount(database.db, '参赛者');
    const entry = entryOf('000', { title: '一卡通长图海报', trackId: 'publicity', entrantKind: 'individual' });
    const row = await registerEntry(database.db, contestId, entry, { account: leader, clock: during['000'] });

    await extendPhase(database.db, contestId, 'registration', { end: '2025-09-11', reason: '系统故障顺延两天' }, { account: organiser, clock: during['000'] });
    const extended = await showRegistration(database.db, row.id, leader, dayAfterDeadline);
    expect([extended.editable, extended.can.edit, extended.can.invite]).toEqual([true, true, true]);

    await closePhaseEarly(database.db, contestId, 'registration', { reason: '提前截止' }, { account: organiser, clock: during['000'] });
    const [closed] = await myRegistrations(database.db, leader, during['000']);
    expect([closed.editable, closed.can.edit, closed.can.invite, closed.can.withdraw]).toEqual([false, false, false, true]);
  });
});
