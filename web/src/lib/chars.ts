/**
 * Length of a text in 字, counted as the server counts it (src/submission/probes/text.ts,
 * countCharacters): every user-perceived character (grapheme) is one — 汉字, a Latin letter, a digit,
 * an emoji with its modifiers; full-width punctuation (，。！？、“”) counts like any character;
 * white space at both ends does not, white space inside does.
 */
const graphemes = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'grapheme' }) : null;

export const countCharacters = (text: string): number => {
  const trimmed = text.trim();
  if (!graphemes) return Array.from(trimmed).length;
  let count = 0;
  for (const _ of graphemes.segment(trimmed)) count++;
  return count;
};
