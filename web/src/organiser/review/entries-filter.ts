/** The most rows the entries table draws at once: a round of 10,000 entries is searched, not scrolled. */
export const ROWS_SHOWN = 200;

/** Text as the search compares it: full-width letters and digits as half-width, any case. */
const comparable = (text: string) => text.normalize('NFKC').toLowerCase();

interface Searchable {
  ref: string;
  title: string;
  judges: readonly { name: string }[];
}

/** The entries whose reference, title or a judge's name holds every word of the query (any case, any width). */
export const matchingEntries = <T extends Searchable>(entries: readonly T[], query: string): T[] => {
  const words = comparable(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((entry) => {
    const text = comparable([entry.ref, entry.title, ...entry.judges.map((j) => j.name)].join(' '));
    return words.every((word) => text.includes(word));
  });
};

export const shownRows = <T>(rows: readonly T[]) => rows.slice(0, ROWS_SHOWN);
