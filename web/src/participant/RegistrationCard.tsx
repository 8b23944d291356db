import { useState } from 'react';
import { Link, useRevalidator } from 'react-router';
import { ApiError, registrations } from '../api/index.ts';
import type { Invitation, PersonView, RegistrationView } from '../api/types.ts';
import { Badge, DemoBadge } from '../components/Badge.tsx';
import { RegistrationFacts } from '../components/RegistrationFacts.tsx';
import { Button } from '../components/Button.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { Contact } from '../components/Contact.tsx';
import { CopyField } from '../components/CopyField.tsx';
import { Notice } from '../components/Problems.tsx';
import { useI18n } from '../i18n.ts';
import { formatStamp } from '../lib/format.ts';
import { contactLine } from '../lib/people.ts';
import { InvitationList } from './InvitationList.tsx';
import { RoundResults } from './RoundResults.tsx';
import { invitablePeople, type InvitablePerson } from './invitations.ts';

/** A person as the reply gives them: someone else's phone, email and ID number arrive masked (138****1234). */
const Person = ({ person, role, onInvite, inviting }: { person: PersonView; role: string; onInvite?: () => void; inviting?: boolean }) => {
  const { t } = useI18n();
  const contact = contactLine(person);
  return (
    <li className="person" data-status={person.status}>
      <span className="person-role">{role}</span>
      <span className="person-name">{person.name || '—'}</span>
      {contact && (
        <span className="person-contact muted small" data-testid="person-contact">
          <Contact person={person} />
        </span>
      )}
      <Badge tone={person.status === 'confirmed' ? 'open' : 'warn'}>{t(`personStatus.${person.status}`)}</Badge>
      {onInvite && (
        <Button variant="secondary" busy={inviting} onClick={onInvite} data-testid="invite-person">
          {t('invite.forPerson', { name: person.name })}
        </Button>
      )}
    </li>
  );
};

const absoluteUrl = (url: string) => (url.startsWith('/') ? `${window.location.origin}${url}` : url);

const InvitationPanel = ({ invitation }: { invitation: Invitation }) => {
  const { t, lang } = useI18n();
  return (
    <div className="invitation" data-testid="invitation">
      <p>{t(invitation.role === 'member' ? 'invite.memberExplain' : 'invite.advisorExplain')}</p>
      <CopyField label={t('invite.link')} value={absoluteUrl(invitation.url)} testId="invitation-url" />
      <CopyField label={t('invite.code')} value={invitation.code} testId="invitation-code" />
      {invitation.for && <p className="small">{t('invite.boundTo', { name: invitation.for })}</p>}
      <p className="muted small">{t('invite.expires', { at: formatStamp(invitation.expiresAt, lang) })}</p>
    </div>
  );
};

/** One registration on 我的报名: where it competes, who is on it, and invite / edit / withdraw. */
export const RegistrationCard = ({ registration: r }: { registration: RegistrationView }) => {
  const { t, pick } = useI18n();
  const revalidator = useRevalidator();
  const [inviting, setInviting] = useState<string | null>(null);
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const active = r.status === 'active';
  // The server says what this viewer may do: a member sees the team but none of the leader's buttons.
  const invitable = r.can.invite ? invitablePeople(r) : [];
  const personInvite = (role: 'member' | 'advisor', index: number) => {
    const person = invitable.find((p) => p.role === role && p.index === index);
    return person ? { onInvite: () => invite(role, person), inviting: inviting === `${role}:${index}` } : {};
  };

  /** `person`: a listed person still to confirm, whom the invitation is bound to. */
  const invite = async (role: 'member' | 'advisor', person?: InvitablePerson) => {
    setInviting(person ? `${role}:${person.index}` : role);
    setError(null);
    try {
      setInvitation((await registrations.invite(r.id, role, person?.index)).invitation);
    } catch (e) {
      setError(e instanceof ApiError ? pick(e.messages) : t('error.unexpected'));
    } finally {
      setInviting(null);
    }
  };

  const withdraw = async () => {
    setWithdrawing(true);
    setError(null);
    try {
      await registrations.withdraw(r.id);
      setConfirming(false);
      await revalidator.revalidate();
    } catch (e) {
      setConfirming(false);
      setError(e instanceof ApiError ? pick(e.messages) : t('error.unexpected'));
    } finally {
      setWithdrawing(false);
    }
  };

  return (
    <li className={`card registration-card${active ? '' : ' is-withdrawn'}`} data-testid="registration-card" data-ref={r.ref} data-contest={r.contestId}>
      <div className="card-badges">
        <Badge tone={active ? 'open' : 'closed'} testId="registration-status">
          {t(`registrationStatus.${r.status}`)}
        </Badge>
        <Badge>{t(`entrantKind.${r.entrantKind}`)}</Badge>
        {r.isDemo && <DemoBadge />}
      </div>
      <h2 className="card-title">{r.title}</h2>
      <p className="muted small">
        <span className="ref" data-testid="registration-ref">
          {r.ref}
        </span>{' '}
        · <Link to={`/contests/${r.contestId}`}>{r.contestName}</Link>
      </p>
      <RegistrationFacts registration={r} stamp={{ label: t('registration.updated'), at: r.updatedAt }} />
      <RoundResults registrationId={r.id} />
      <ul className="people" data-testid="registration-people">
        <Person
          person={r.leader}
          role={r.entrantKind === 'organisation' ? t('form.contact') : r.entrantKind === 'team' ? t('form.leader') : t('form.entrant')}
        />
        {r.members.map((p, i) => (
          <Person key={`m${i}`} person={p} role={t('form.member')} {...personInvite('member', i)} />
        ))}
        {r.advisors.map((p, i) => (
          <Person key={`a${i}`} person={p} role={t('form.advisor')} {...personInvite('advisor', i)} />
        ))}
      </ul>
      {error && <Notice tone="error">{error}</Notice>}
      {invitation && <InvitationPanel invitation={invitation} />}
      {r.can.invite && <InvitationList key={invitation?.id ?? 'none'} registrationId={r.id} />}
      {active && (
        <div className="card-actions">
          <Link className="btn btn-primary" to={`/registrations/${r.id}/works`} data-testid="works-link">
            {t('registration.works')}
          </Link>
          {r.can.invite && r.entrantKind === 'team' && (
            <Button variant="secondary" busy={inviting === 'member'} disabled={inviting !== null} onClick={() => invite('member')} data-testid="invite-member">
              {t('invite.member')}
            </Button>
          )}
          {r.can.invite && r.entrantKind !== 'organisation' && (
            <Button
              variant="secondary"
              busy={inviting === 'advisor'}
              disabled={inviting !== null}
              onClick={() => invite('advisor')}
              data-testid="invite-advisor"
            >
              {t('invite.advisor')}
            </Button>
          )}
          {r.can.edit && (
            <Link className="btn btn-secondary" to={`/registrations/${r.id}/edit`} data-testid="edit-registration">
              {t('registration.edit')}
            </Link>
          )}
          {r.can.withdraw && (
            <Button variant="danger" onClick={() => setConfirming(true)} data-testid="withdraw-registration">
              {t('registration.withdraw')}
            </Button>
          )}
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('withdraw.title')}
        confirmLabel={t('withdraw.confirm')}
        busy={withdrawing}
        onConfirm={withdraw}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('withdraw.body', { title: r.title, ref: r.ref })}</p>
      </ConfirmDialog>
    </li>
  );
};
