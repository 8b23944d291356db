import { DateTime } from 'luxon';
import { useAuditKey } from '../../src/audit/key.ts';
import { copyContestEdition, publishContestFolder } from '../../src/contest/service.ts';
import { localDateAt } from '../../src/contest/time.ts';
import { DEMO_PARTICIPANT } from '../../src/demo/service.ts';
import { createAccount } from '../../src/platform/auth/service.ts';
import { fixedClock, systemClock } from '../../src/platform/clock.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { migrateToLatest, openDatabase } from '../../src/platform/database.ts';
import { packagePath } from '../../src/platform/package-root.ts';
import type { RegistrationInput } from '../../src/registration/schema.ts';
import { registerEntry } from '../../src/registration/service.ts';

/** The seeds' time zone: "today" and "days ago" are counted in it. */
const ZONE = 'Asia/Shanghai';

export interface EditionToday {
  /** The seed contest the edition copies. */
  contest: string;
  /** Registration opened this many days before today, so the phase under test runs today. */
  openedDaysAgo: number;
  /** The demo participant registered these entries this many days before today, at 10:00, while registration was open. */
  enteredDaysAgo: number;
  entries: RegistrationInput[];
}

/**
 * For `startServer`'s `prepare`: the seeds published in the data directory and an edition of one
 * whose phase under test runs today, with the demo participant's entries. The services take the
 * time; the API would refuse a copy opening in the past. Resolves to the edition's id.
 */
export const prepareEditionToday = async (dataDir: string, edition: EditionToday): Promise<string> => {
  useAuditKey(loadConfig({ ...process.env, LEITAI_DATA_DIR: dataDir }));
  const database = await openDatabase({ dataDir });
  const { db } = database;
  try {
    await migrateToLatest(db);
    await publishContestFolder(db, packagePath('contests'), 'system', systemClock);
    const today = DateTime.fromISO(localDateAt(systemClock.now(), ZONE), { zone: ZONE });
    const opensOn = today.minus({ days: edition.openedDaysAgo }).toISODate()!;
    const copy = await copyContestEdition(db, edition.contest, opensOn, 'system', systemClock, { mayOpenInPast: true });
    const participant = await createAccount(db, { ...DEMO_PARTICIPANT, demo: true }, systemClock);
    const during = { account: participant, clock: fixedClock(today.minus({ days: edition.enteredDaysAgo }).set({ hour: 10 }).toJSDate()) };
    for (const entry of edition.entries) await registerEntry(db, copy.id, entry, during);
    return copy.id;
  } finally {
    await database.close();
  }
};
