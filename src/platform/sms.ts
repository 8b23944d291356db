/**
 * Text messages to mobile phones (voters' one-time codes). A provider sends one message; which
 * provider a server uses is configuration (LEITAI_SMS_*, config.ts):
 * - by default, the outbox: the message is written to the contest's outbox (kind `sms`), where its
 *   organisers read it on the outbox page — enough for a demo, a rehearsal or a small vote run by hand;
 * - with LEITAI_SMS_WEBHOOK_URL, a gateway that takes `POST {phone, text}` (JSON, optionally with a
 *   bearer token) and answers 2xx once it has the message. Any SMS service (Aliyun, Tencent Cloud…)
 *   plugs in behind such a gateway, so Leitai holds none of their credentials or templates.
 * Every message starts with the sender's name in 【】 (LEITAI_SMS_SIGNATURE), as carriers require.
 */
import type { Config } from './config.ts';
import { AppError } from './errors.ts';
import { enqueueMessage } from './outbox.ts';
import type { Executor } from './transaction.ts';

export interface SmsMessage {
  /** A mainland mobile number, 11 digits. */
  phone: string;
  /** The words after the signature. */
  text: string;
  /** What the message is, as the outbox lists it: 投票验证码. */
  subject: string;
  /** The contest the message is about: whose organisers see it in the outbox. null: none. */
  contestId: string | null;
  at: Date;
}

export interface SmsProvider {
  /** Sends one message; refuses with sms.unavailable (503) when it could not be handed over. */
  send(message: SmsMessage): Promise<void>;
}

const WEBHOOK_TIMEOUT_MS = 5000;

export const smsUnavailable = () =>
  new AppError('sms.unavailable', { zh: '短信暂时无法发送，请稍后重试', en: 'The text message could not be sent; please try again shortly' }, 503);

/** The signature 【…】 and the text: the message as the phone shows it. */
export const signedText = (signature: string, text: string) => `【${signature}】${text}`;

export interface CapturingSms extends SmsProvider {
  readonly sent: SmsMessage[];
  /** The six digits of the last code sent to `phone`. */
  lastCode(phone: string): string;
}

/** Keeps each message in memory, sending none: the demo's made-up voters read their codes back from it, as tests do. */
export function capturingSms(): CapturingSms {
  const sent: SmsMessage[] = [];
  return {
    sent,
    async send(message) {
      sent.push(message);
    },
    lastCode(phone) {
      const message = sent.findLast((m) => m.phone === phone);
      const code = message?.text.match(/\d{6}/)?.[0];
      if (!code) throw new Error(`No code was sent to ${phone}`);
      return code;
    },
  };
}

/** Writes each message to the outbox of its contest (kind `sms`, addressed to the full number). */
export function outboxSms(db: Executor, signature: string): SmsProvider {
  return {
    async send(message) {
      await enqueueMessage(db, {
        contestId: message.contestId,
        kind: 'sms',
        recipientName: message.phone,
        recipientAddress: message.phone,
        subject: message.subject,
        body: signedText(signature, message.text),
        createdBy: null,
        at: message.at,
      });
    },
  };
}

/** Posts each message to an SMS gateway; anything but a 2xx within 5 s is sms.unavailable. */
export function webhookSms(url: string, token: string | undefined, signature: string): SmsProvider {
  return {
    async send(message) {
      let status: number;
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ phone: message.phone, text: signedText(signature, message.text) }),
          signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
        });
        status = response.status;
        await response.body?.cancel();
      } catch {
        throw smsUnavailable();
      }
      if (status < 200 || status >= 300) throw smsUnavailable();
    },
  };
}

/** The provider the settings name: the webhook when one is set, else the outbox of `db`. */
export const smsProviderFor = (settings: Config['sms'], db: Executor): SmsProvider =>
  settings.webhookUrl ? webhookSms(settings.webhookUrl, settings.webhookToken, settings.signature) : outboxSms(db, settings.signature);
