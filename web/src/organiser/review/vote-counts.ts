export interface VoteCount {
  ref: string;
  count: number;
}

/** A line that is not `ref count`: its number (from 1) and what it says. */
export interface VoteLineProblem {
  line: number;
  text: string;
  reason: 'shape' | 'count' | 'duplicate';
}

/**
 * Two columns pasted from a spreadsheet or a vote page's export: a reference and a vote count per
 * line, split by a tab, comma (either width) or spaces; thousands separators in the count are
 * dropped (1,234 as a whole cell: when commas split columns, a count has none). A first line whose
 * count cell has no digit is a header and skipped; blank lines are skipped. A count is a whole number
 * of 0 or more; a reference given twice is refused rather than one silently winning.
 */
export const parseVoteCounts = (text: string): { counts: VoteCount[]; problems: VoteLineProblem[] } => {
  const counts: VoteCount[] = [];
  const problems: VoteLineProblem[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const cells = splitCells(line);
    if (cells.length !== 2) return problems.push({ line: index + 1, text: line, reason: 'shape' });
    const [ref, countText] = cells;
    const cleaned = countText.replace(/[,，\s]/g, '');
    if (!/^\d+$/.test(cleaned)) {
      if (counts.length === 0 && problems.length === 0 && !/\d/.test(countText)) return; // a header
      return problems.push({ line: index + 1, text: line, reason: 'count' });
    }
    if (seen.has(ref)) return problems.push({ line: index + 1, text: line, reason: 'duplicate' });
    seen.add(ref);
    counts.push({ ref, count: Number(cleaned) });
  });
  return { counts, problems };
};

const splitCells = (line: string) => {
  const separator = line.includes('\t') ? /\t+/ : /[,，]/.test(line) ? /\s*[,，]\s*/ : /\s+/;
  return line
    .split(separator)
    .map((cell) => cell.trim())
    .filter((cell) => cell !== '');
};
