import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../api/index.ts';
import { voters, type CodeSent, type Voter } from '../api/voting.ts';
import { Button } from '../components/Button.tsx';
import { useModal } from '../components/modal.ts';
import { useI18n } from '../i18n.ts';
import { secondsUntil } from './countdown.ts';
import { codeDigits, isMainlandMobile, normalisePhone } from './phone.ts';

/** The seconds until `until`, ticking each second while above 0. */
const useSecondsUntil = (until: string | undefined) => {
  const [now, setNow] = useState(() => Date.now());
  const left = until ? secondsUntil(until, now) : 0;
  useEffect(() => {
    if (left <= 0) return;
    const timer = setTimeout(() => setNow(Date.now()), 1000 - (Date.now() % 1000) || 1000);
    return () => clearTimeout(timer);
  }, [left, now]);
  return left;
};

/** The one field a step asks for: the phone or the code, digits typed on a number pad. */
interface DigitsField {
  id: string;
  label: string;
  name: 'phone' | 'code';
  type: 'tel' | 'text';
  autoComplete: string;
  maxLength: number;
}

/** A step of the dialog: what it says first, its field, the server's refusal in words, its buttons and what follows them. */
const Step = ({
  onSubmit,
  lead,
  field,
  value,
  onChange,
  problem,
  actions,
  children,
}: {
  onSubmit: (event: FormEvent) => void;
  lead?: ReactNode;
  field: DigitsField;
  value: string;
  onChange: (value: string) => void;
  problem: string | null;
  actions: ReactNode;
  children?: ReactNode;
}) => (
  <form onSubmit={onSubmit} noValidate>
    {lead}
    <div className="field">
      <label htmlFor={field.id}>{field.label}</label>
      <input
        id={field.id}
        name={field.name}
        type={field.type}
        inputMode="numeric"
        autoComplete={field.autoComplete}
        maxLength={field.maxLength}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid={`vote-${field.name}`}
      />
    </div>
    {problem && (
      <p className="field-problems" role="alert" data-testid="vote-phone-problem">
        {problem}
      </p>
    )}
    <div className="actions">{actions}</div>
    {children}
  </form>
);

/**
 * 手机验证 A voter proves a mainland mobile number: the number, then the six-digit code the SMS
 * brings (another may be asked for once the countdown ends), then the server sets the voter's
 * cookie. Each step shows the server's refusal in words (a wrong or expired code, too many tries).
 */
export const PhoneDialog = ({
  contestId,
  open,
  onVerified,
  onCancel,
}: {
  /** The contest voted in: the SMS names it. */
  contestId: string;
  open: boolean;
  onVerified: (voter: Voter) => void;
  onCancel: () => void;
}) => {
  const { t, pick } = useI18n();
  const id = useId();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState<CodeSent | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const resendIn = useSecondsUntil(sent?.resendAfter);
  const modal = useModal(open, onCancel);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (error) {
      setProblem(error instanceof ApiError ? pick(error.messages) : t('error.unexpected'));
    } finally {
      setBusy(false);
    }
  };
  const number = normalisePhone(phone);
  const sendCode = (event?: FormEvent) => {
    event?.preventDefault();
    if (!isMainlandMobile(number)) {
      setProblem(t('vote.phone.invalid'));
      return;
    }
    void run(async () => {
      setSent(await voters.requestCode(number, contestId));
      setCode('');
    });
  };
  const otherNumber = () => {
    setSent(null);
    setProblem(null);
  };
  const verify = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const { voter } = await voters.verify(number, codeDigits(code));
      setSent(null);
      setCode('');
      onVerified(voter);
    });
  };

  return (
    <dialog {...modal} className="dialog vote-phone" aria-labelledby={`${id}-title`} data-testid="vote-phone-dialog">
      <h2 id={`${id}-title`}>{t('vote.phone.title')}</h2>
      <p className="small muted">{t('vote.phone.why')}</p>
      {sent === null ? (
        <Step
          onSubmit={sendCode}
          field={{ id: `${id}-phone`, label: t('vote.phone.number'), name: 'phone', type: 'tel', autoComplete: 'tel-national', maxLength: 20 }}
          value={phone}
          onChange={setPhone}
          problem={problem}
          actions={
            <>
              <Button type="submit" busy={busy} data-testid="vote-send-code">
                {t('vote.phone.sendCode')}
              </Button>
              <Button variant="secondary" onClick={onCancel} disabled={busy}>
                {t('common.cancel')}
              </Button>
            </>
          }
        />
      ) : (
        <Step
          onSubmit={verify}
          lead={<p data-testid="vote-code-sent">{t('vote.phone.codeSent', { phone: number })}</p>}
          field={{ id: `${id}-code`, label: t('vote.phone.code'), name: 'code', type: 'text', autoComplete: 'one-time-code', maxLength: 12 }}
          value={code}
          onChange={setCode}
          problem={problem}
          actions={
            <>
              <Button type="submit" busy={busy} disabled={codeDigits(code).length === 0} data-testid="vote-verify">
                {t('vote.phone.verify')}
              </Button>
              <Button variant="secondary" onClick={() => sendCode()} disabled={busy || resendIn > 0} data-testid="vote-resend">
                {resendIn > 0 ? t('vote.phone.resendIn', { s: resendIn }) : t('vote.phone.resend')}
              </Button>
            </>
          }
        >
          <Button variant="link" onClick={otherNumber} disabled={busy} data-testid="vote-other-number">
            {t('vote.phone.otherNumber')}
          </Button>
        </Step>
      )}
    </dialog>
  );
};
