/**
 * Counts in English messages: "1 person", "2 people", "1 year". Chinese needs no plural, so only
 * the English side of a message goes through here.
 */
const irregular: Record<string, string> = {
  person: 'people',
  child: 'children',
};

/** The plural of an English noun: irregulars, then -y → -ies, -s/-x/-z/-ch/-sh → -es, else -s. */
export function pluralOf(noun: string): string {
  const known = irregular[noun];
  if (known) return known;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

/** `count(1, 'track')` → "1 track"; `count(3, 'person')` → "3 people"; `plural` for nouns the rules miss. */
export const count = (n: number, noun: string, plural = pluralOf(noun)): string => `${n} ${n === 1 ? noun : plural}`;

/** The noun alone, for sentences that place the number elsewhere ("at most 1 advisor", "advisors: 2"). */
export const nounFor = (n: number, noun: string, plural = pluralOf(noun)): string => (n === 1 ? noun : plural);
