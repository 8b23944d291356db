import type { VotesLeft } from '../api/voting.ts';
import { useI18n } from '../i18n.ts';
import { votesLeftLines } from './votes-left.ts';

/** 今天还可投 7 票，本类别还可投 1 票, as one line; nothing where no limit is known. */
export const VotesLeftText = ({ left, division, before = '' }: { left: VotesLeft | null; division?: string; before?: string }) => {
  const { t, lang } = useI18n();
  const lines = votesLeftLines(left, division).map((line) => ('n' in line ? t(line.key, { n: line.n }) : t(line.key)));
  if (lines.length === 0) return null;
  return (
    <>
      {before}
      <span data-testid="votes-left">{lines.join(lang === 'zh' ? '，' : '; ')}</span>
    </>
  );
};
