/**
 * Length of a text field in 字, as a Chinese reader counts them: every user-perceived character
 * (grapheme: 汉字, a Latin letter, a digit, an emoji with its modifiers, a letter with its accents) is
 * one; full-width punctuation (，。！？、“”) counts like any character; whitespace at both ends does not,
 * whitespace inside does (a space between two words is typed and seen).
 */
const graphemes = new Intl.Segmenter('zh', { granularity: 'grapheme' });

export const countCharacters = (text: string): number => {
  // String.prototype.trim removes Unicode white space, the full-width space U+3000 and line breaks included.
  const trimmed = text.trim();
  let count = 0;
  for (const _ of graphemes.segment(trimmed)) count++;
  return count;
};
