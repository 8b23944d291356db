import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n.ts';
import { invitationCodeOf } from './invitations.ts';

/** For a member who was given only the 邀请码 (read out, or sent as text): typing it opens the join page the link would. */
export const InvitationCodeForm = () => {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const code = invitationCodeOf(text);
    setInvalid(code === null);
    if (code) void navigate(`/join/${code}`);
  };
  return (
    <form className={`field invitation-code${invalid ? ' has-error' : ''}`} onSubmit={submit} noValidate data-testid="invitation-code-form">
      <label htmlFor="invitation-code">{t('me.code.label')}</label>
      {invalid && (
        <p className="field-problems" id="invitation-code-error" role="alert">
          {t('me.code.invalid')}
        </p>
      )}
      <div className="copy-row">
        <input
          id="invitation-code"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          placeholder={t('me.code.placeholder')}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          aria-invalid={invalid}
          aria-describedby={invalid ? 'invitation-code-error' : undefined}
          data-testid="invitation-code-input"
        />
        <button type="submit" className="btn btn-secondary" data-testid="invitation-code-go">
          {t('me.code.go')}
        </button>
      </div>
    </form>
  );
};
