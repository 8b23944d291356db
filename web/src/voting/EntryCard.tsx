import { Link } from 'react-router';
import type { ShowcaseEntry } from '../api/voting.ts';
import { useI18n } from '../i18n.ts';
import { VoteButton } from './VoteButton.tsx';

/** One work in the showcase: its picture, title and reference, its votes where shown, and the vote button. */
export const EntryCard = ({ entry, counted, to }: { entry: ShowcaseEntry; counted: number | undefined; to: string }) => {
  const { t } = useI18n();
  return (
    <li className="vote-card" data-testid="showcase-entry" data-ref={entry.ref}>
      <Link to={to} className="vote-card-link">
        {entry.cover ? (
          <img className="vote-cover" src={entry.cover} alt="" loading="lazy" />
        ) : (
          <span className="vote-cover vote-cover-none" aria-hidden="true">
            {entry.title.slice(0, 1)}
          </span>
        )}
        <strong className="vote-card-title">{entry.title}</strong>
      </Link>
      <span className="vote-card-meta small">
        <span className="ref">{entry.ref}</span>
        {counted !== undefined && (
          <span className="vote-count" data-testid="vote-count">
            {t('vote.count', { n: counted })}
          </span>
        )}
      </span>
      <VoteButton entry={entry} />
    </li>
  );
};
