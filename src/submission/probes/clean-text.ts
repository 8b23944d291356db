/**
 * The one cleaner for every text a probe takes from a file (EXIF Make and Model, codec names, names
 * inside an archive): such text is attacker-written, so it is cleaned in one linear pass, never by a
 * regular expression that could backtrack, and cut to a length a person can read.
 *
 * - Text ends at its first NUL: EXIF and TIFF strings are NUL-terminated and padded with NULs, and C
 *   strings in every container format end there too; what follows is padding or garbage.
 * - Control characters (C0, DEL, C1) become spaces, runs of white space become one space, both ends are
 *   trimmed, so a name cannot break a line of a message or a table.
 * - At most `maxLength` code points are kept (a surrogate pair is never split); the scan stops there, so
 *   a 64 KB tag costs no more than its first `maxLength` characters after any leading white space.
 */
export const textLimits = {
  /** Camera makes and models, codec names: short words. */
  tag: 128,
  /** A name quoted in a refusal message (an archive entry). */
  name: 200,
} as const;

const isControl = (code: number) => code < 0x20 || (code >= 0x7f && code <= 0x9f);
const isSpace = (code: number) => code === 0x20 || code === 0xa0 || code === 0x3000 || (code >= 0x2000 && code <= 0x200b) || code === 0xfeff;

export const cleanText = (value: unknown, maxLength: number = textLimits.tag): string | undefined => {
  if (typeof value !== 'string') return undefined;
  let out = '';
  let kept = 0;
  let pendingSpace = false;
  for (let i = 0; i < value.length && kept < maxLength; i++) {
    const code = value.charCodeAt(i);
    if (code === 0) break;
    if (isControl(code) || isSpace(code)) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) {
      out += ' ';
      kept++;
      pendingSpace = false;
      if (kept >= maxLength) break;
    }
    const high = code >= 0xd800 && code <= 0xdbff;
    const low = high ? value.charCodeAt(i + 1) : 0;
    if (high && low >= 0xdc00 && low <= 0xdfff) {
      out += value[i]! + value[i + 1]!;
      i++;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      out += '\ufffd'; // a lone surrogate: not text, and not representable in UTF-8
    } else {
      out += value[i]!;
    }
    kept++;
  }
  out = out.trimEnd();
  return out.length > 0 ? out : undefined;
};
