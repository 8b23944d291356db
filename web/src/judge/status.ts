/**
 * Where a judge stands with each assigned entry, as the list shows it: 未评 (no score yet), 草稿 (a
 * draft saved), 已提交 (submitted, final for the judge). The list puts what is left to do first.
 */
import type { AssignedEntry } from '../api/judging.ts';
import type { Tone } from '../components/Badge.tsx';

export type EntryStatus = 'none' | 'draft' | 'submitted';

export const entryStatus = (score: AssignedEntry['score']): EntryStatus => score?.status ?? 'none';

/** The chip's colour: what is left to do stands out, what is done is calm. */
export const statusTone: Record<EntryStatus, Tone> = { none: 'warn', draft: 'info', submitted: 'open' };

const order: Record<EntryStatus, number> = { none: 0, draft: 1, submitted: 2 };

export type StatusFilter = 'all' | EntryStatus;

/** The entries a filter shows, unscored first, then drafts, then submitted; the server's order within each. */
export const entriesToShow = (entries: readonly AssignedEntry[], filter: StatusFilter): AssignedEntry[] =>
  entries
    .map((entry, index) => ({ entry, index, status: entryStatus(entry.score) }))
    .filter((e) => filter === 'all' || e.status === filter)
    .sort((a, b) => order[a.status] - order[b.status] || a.index - b.index)
    .map((e) => e.entry);

export const statusCounts = (entries: readonly AssignedEntry[]): Record<StatusFilter, number> => {
  const counts = { all: entries.length, none: 0, draft: 0, submitted: 0 };
  for (const entry of entries) counts[entryStatus(entry.score)] += 1;
  return counts;
};

/** The entries before and after this one in the server's order, for the previous and next buttons. */
export const neighbours = (entries: readonly { id: string }[], id: string): { previous: string | null; next: string | null } => {
  const at = entries.findIndex((e) => e.id === id);
  if (at < 0) return { previous: null, next: null };
  return { previous: entries[at - 1]?.id ?? null, next: entries[at + 1]?.id ?? null };
};
