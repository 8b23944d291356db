/**
 * Registration references are unique across contests: a short code of the contest before its
 * per-contest number (JSSC25-0004), so two entries of one person in two contests never both read
 * "0004" on a certificate, an export or the audit log. The code is taken once per contest, when its
 * first entry registers, and stored with the contest's counter; these pure functions propose it.
 */

const LETTERS = 'BCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * The contest's code: the initials of the words of its id (at most four) and the last two digits
 * of the year in it, `jjj-social-security-card-2025` → JSSC25; `C` when the id has no letters.
 */
export const refPrefixBase = (contestId: string): string => {
  const words = contestId.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const initials =
    words
      .filter((w) => /^[A-Za-z]/.test(w))
      .map((w) => w[0].toUpperCase())
      .slice(0, 4)
      .join('') || 'C';
  const year = words.filter((w) => /^(19|20)\d{2}$/.test(w)).at(-1);
  return `${initials}${year ? year.slice(2) : ''}`;
};

/** The code, then the same with a letter after it, for when another contest took it first (JSSC25, JSSC25B, …). */
export const refPrefixCandidates = (contestId: string): string[] => {
  const base = refPrefixBase(contestId);
  return [base, ...[...LETTERS].map((letter) => `${base}${letter}`)];
};

/** The reference of a contest's n-th registration: JSSC25-0001. */
export const formatRef = (prefix: string, n: number) => `${prefix}-${String(n).padStart(4, '0')}`;
