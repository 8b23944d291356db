/**
 * A vote phase's stream as a rescan reads it: up to its last vote as the rescan began, a page at a
 * time into columns (stream-columns.ts), so that a page's rows are the only votes ever held as
 * objects. Pages follow the index on (entry, time) (queries.ts' phaseStreamPage).
 */
import type { Executor } from '../../platform/transaction.ts';
import * as queries from './queries.ts';
import { StreamBuilder, type StreamColumns } from './stream-columns.ts';

const streamPageSize = 10_000;

type StreamPage = Awaited<ReturnType<typeof queries.phaseStreamPage>>;

/** The page less its last entry's votes of its last instant, which it may have cut short. */
function uncut(page: StreamPage) {
  const last = page[page.length - 1];
  let end = page.length;
  while (end > 0 && page[end - 1].registrationId === last.registrationId && page[end - 1].castMs === last.castMs) end -= 1;
  return page.slice(0, end);
}

/** The phase's votes in columns, in the order read (entry by entry). */
export async function readPhaseStream(db: Executor, contestId: string, phaseId: string, pageSize = streamPageSize): Promise<StreamColumns> {
  const { count, lastCastMs } = await queries.phaseStreamExtent(db, contestId, phaseId);
  const stream = new StreamBuilder(contestId, phaseId, count);
  for (let after: queries.StreamPageEnd | undefined, limit = pageSize; lastCastMs !== null;) {
    const page = await queries.phaseStreamPage(db, contestId, phaseId, { untilMs: lastCastMs, after, limit });
    const taken = page.length < limit ? page : uncut(page);
    for (const vote of taken) stream.add(vote);
    if (taken === page) break;
    // A page all of one entry's votes of one instant is read again, twice as long.
    if (taken.length > 0) after = taken[taken.length - 1];
    limit = taken.length > 0 ? pageSize : limit * 2;
  }
  return stream.columns();
}
