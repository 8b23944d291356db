import { Button } from '../components/Button.tsx';
import { useI18n } from '../i18n.ts';
import { useBooth } from './VoteBooth.tsx';
import { VotesLeftText } from './VotesLeftText.tsx';

/** Who is voting and what they have left, or how voting starts; and a way to sign the number out. */
export const VoterBar = ({ division }: { division?: string }) => {
  const { t } = useI18n();
  const { voter, votesLeft, signOut, phase } = useBooth();
  if (!phase.open) return null;
  return (
    <div className="voter-bar" data-testid="voter-bar">
      {voter ? (
        <>
          <span>
            {t('vote.voter', { phone: voter.phone })}
            <VotesLeftText left={votesLeft} division={division} before=" · " />
          </span>
          <Button variant="link" onClick={signOut} data-testid="voter-sign-out">
            {t('vote.signOut')}
          </Button>
        </>
      ) : (
        <span className="muted">{t('vote.howTo')}</span>
      )}
    </div>
  );
};
