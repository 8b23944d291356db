/**
 * File names arrive from browsers and are shown back to people, never used as paths: bytes are stored
 * under the upload's id. A name keeps what is readable — no directories, no control or bidi
 * characters, at most 120 characters with its extension kept.
 */
const MAX_NAME = 120;

export const displayFileName = (raw: string | null | undefined): string => {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/^[.\s]+/, '')
    .trim();
  if (!clean) return 'file';
  const chars = [...clean];
  if (chars.length <= MAX_NAME) return clean;
  const dot = clean.lastIndexOf('.');
  const extension = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
  return chars.slice(0, MAX_NAME - [...extension].length).join('') + extension;
};

/**
 * The export name from the definition's template ("{category}+{title}+{leaderName}+{leaderPhone}"),
 * made safe for every file system a reviewer may unzip on.
 */
export const nameFromTemplate = (template: string, values: Record<string, string | undefined>, extension: string) => {
  const filled = template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
  const safe = filled.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim() || 'work';
  return `${[...safe].slice(0, 150).join('')}.${extension}`;
};
