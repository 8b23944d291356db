/**
 * Voting in tests: an SMS provider that keeps what it sends (to read a voter's code back), and a
 * solver for the proof-of-work challenge, doing what the widget does in the browser.
 */
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import type { SmsMessage, SmsProvider } from '../../src/platform/sms.ts';
import type { Challenge } from '../../src/voting/challenge.ts';

export interface CapturingSms extends SmsProvider {
  readonly sent: SmsMessage[];
  /** The six digits of the last code sent to `phone`. */
  lastCode(phone: string): string;
}

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

/** The payload the widget sends once it has solved `challenge`: base64 of `{challenge, solution}`. */
export async function solvedChallenge(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('The challenge was not solved');
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}
