import type { ContestView, OutboxMessage } from '../../api/types.ts';
import { Badge } from '../../components/Badge.tsx';
import { CopyField } from '../../components/CopyField.tsx';
import { Notice } from '../../components/Problems.tsx';
import { useI18n } from '../../i18n.ts';
import { formatStamp } from '../../lib/format.ts';
import type { Loaded } from './loaded.ts';

/**
 * 待发送消息 Outbox: invitation links and reminders wait here until Leitai sends notifications; the
 * organiser passes each on by their own mail or phone, newest first as the server lists them.
 */
export const OutboxSection = ({ contest, outbox }: { contest: ContestView; outbox: Loaded<{ messages: OutboxMessage[] }> }) => {
  const { t, pick, lang } = useI18n();
  return (
    <section className="section" data-testid="outbox">
      <h2>{t('review.outbox.title')}</h2>
      <p className="muted small">{t('review.outbox.explain')}</p>
      {!outbox.ok && <Notice tone="error">{pick(outbox.error)}</Notice>}
      {outbox.ok && outbox.value.messages.length === 0 && <p className="empty">{t('review.outbox.none')}</p>}
      {outbox.ok && outbox.value.messages.length > 0 && (
        <ul className="outbox-list">
          {outbox.value.messages.map((message) => (
            <li key={message.id} className="card" data-testid="outbox-message" data-kind={message.kind}>
              <div className="outbox-head">
                <Badge tone="info">{outboxKind(message.kind, t)}</Badge>
                <strong>{message.recipientName}</strong>
                {message.recipientAddress && <span className="muted">{message.recipientAddress}</span>}
                <span className="muted small">{formatStamp(message.createdAt, lang, contest.timeZone)}</span>
                {message.sentAt && <Badge tone="open">{t('review.outbox.sent')}</Badge>}
              </div>
              <p className="outbox-subject">{message.subject}</p>
              <p className="muted small outbox-body">{message.body}</p>
              {message.link && <CopyField label={t('review.outbox.link')} value={message.link} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};

const outboxKind = (kind: string, t: ReturnType<typeof useI18n>['t']) =>
  kind === 'judge.invitation' ? t('review.outbox.kind.invitation') : kind === 'review.reminder' ? t('review.outbox.kind.reminder') : kind;
