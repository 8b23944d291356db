import { useState } from 'react';
import { ApiError, registrations } from '../api/index.ts';
import type { InvitationSummary } from '../api/types.ts';
import { Badge } from '../components/Badge.tsx';
import { Button } from '../components/Button.tsx';
import { Notice } from '../components/Problems.tsx';
import { useI18n } from '../i18n.ts';
import { formatStamp } from '../lib/format.ts';
import { sortInvitations } from './invitations.ts';

const tones = { open: 'warn', accepted: 'open', revoked: 'closed', expired: 'closed' } as const;

/** 邀请记录: the leader's invitations by who they are for and their status, each open one revocable. */
export const InvitationList = ({ registrationId }: { registrationId: string }) => {
  const { t, pick, lang } = useI18n();
  const [list, setList] = useState<InvitationSummary[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const failed = (e: unknown) => setError(e instanceof ApiError ? pick(e.messages) : t('error.unexpected'));
  const load = async () => {
    setBusy('list');
    setError(null);
    try {
      setList(sortInvitations((await registrations.invitations(registrationId)).invitations));
    } catch (e) {
      failed(e);
    } finally {
      setBusy(null);
    }
  };
  const revoke = async (id: string) => {
    setBusy(id);
    setError(null);
    try {
      const { invitation } = await registrations.revokeInvitation(registrationId, id);
      setList((current) => sortInvitations((current ?? []).map((i) => (i.id === id ? invitation : i))));
    } catch (e) {
      failed(e);
    } finally {
      setBusy(null);
    }
  };

  if (list === null) {
    return (
      <>
        {error && <Notice tone="error">{error}</Notice>}
        <Button variant="secondary" busy={busy === 'list'} onClick={load} data-testid="invitations-show">
          {t('invite.manage')}
        </Button>
      </>
    );
  }
  return (
    <div className="invitation-list" data-testid="invitations">
      <h3>{t('invite.manage')}</h3>
      {error && <Notice tone="error">{error}</Notice>}
      {list.length === 0 ? (
        <p className="muted small">{t('invite.none')}</p>
      ) : (
        <ul className="people">
          {list.map((i) => (
            <li key={i.id} className="person" data-testid="invitation-row" data-status={i.status}>
              <span className="person-role">{t(i.role === 'member' ? 'form.member' : 'form.advisor')}</span>
              <span className="person-name">{i.for ?? t('invite.anyone')}</span>
              <Badge tone={tones[i.status]}>{t(`invitationStatus.${i.status}`)}</Badge>
              <span className="muted small">{formatStamp(i.createdAt, lang)}</span>
              {i.status === 'open' && (
                <Button variant="secondary" busy={busy === i.id} disabled={busy !== null} onClick={() => revoke(i.id)} data-testid="invitation-revoke">
                  {t('invite.revoke')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};
