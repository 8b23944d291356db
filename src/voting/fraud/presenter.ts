import { maskPhone } from '../../registration/identity.ts';
import type { heldVotes, voteTimeline } from './service.ts';

type HeldVotes = Awaited<ReturnType<typeof heldVotes>>;

/** The held votes as the organiser sees them: the voter's number masked, each reason in words. */
export const presentHeldVotes = ({ rows, total, bySignal }: HeldVotes) => ({
  votes: rows.map((row) => ({
    id: row.id,
    entry: { id: row.registration_id, ref: row.ref, title: row.title },
    phone: maskPhone(row.phone),
    castAt: row.cast_at.toISOString(),
    address: row.address,
    reasons: row.hold_reasons.map((reason) => ({ signal: reason.signal, detail: { zh: reason.detail.zh, en: reason.detail.en } })),
  })),
  total,
  signals: bySignal,
});

type Timeline = Awaited<ReturnType<typeof voteTimeline>>;

export const presentTimeline = ({ bucket, timeZone, entries }: Timeline) => ({
  bucket,
  timeZone,
  entries: entries.map(({ entry, points }) => ({
    entry: { id: entry.id, ref: entry.ref, title: entry.title },
    points: points.map((point) => ({ at: point.at.toISOString(), counted: point.counted, held: point.held, rejected: point.rejected })),
  })),
});
