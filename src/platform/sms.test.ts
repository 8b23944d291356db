import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { describeOnDatabases } from '../../test/support/test-database.ts';
import { publishSeed, seeds } from '../../test/support/test-fixtures.ts';
import { outboxOf } from './outbox.ts';
import { smsProviderFor, type SmsMessage } from './sms.ts';

const contestId = seeds['000'].id;
const message: SmsMessage = {
  phone: '13812345678',
  text: '您的投票验证码是 123456，5 分钟内有效。',
  subject: '投票验证码',
  contestId,
  at: new Date('2025-09-01T00:00:00Z'),
};
const noWebhook = { webhookUrl: undefined, webhookToken: undefined, signature: '擂台' };

describeOnDatabases('SMS to the outbox (no gateway configured)', (database) => {
  it("writes the message, signed, to its contest's outbox for the organisers to read", async () => {
    await publishSeed(database.db, '000');
    await smsProviderFor(noWebhook, database.db).send(message);
    expect(await outboxOf(database.db, contestId)).toEqual([
      {
        id: expect.any(String),
        kind: 'sms',
        recipientName: '13812345678',
        recipientAddress: '13812345678',
        subject: '投票验证码',
        body: '【擂台】您的投票验证码是 123456，5 分钟内有效。',
        link: null,
        createdAt: '2025-09-01T00:00:00.000Z',
        sentAt: null,
      },
    ]);
  });
});

describe('SMS through a gateway (LEITAI_SMS_WEBHOOK_URL)', () => {
  const received: { headers: IncomingHttpHeaders; body: unknown }[] = [];
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    received.length = 0;
  });

  const gateway = async (status: number) => {
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push({ headers: request.headers, body: JSON.parse(body) });
        response.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    close = () => new Promise((resolve) => server.close(() => resolve()));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
  };
  // The gateway needs no database: nothing is written when a webhook is configured.
  const noDatabase = undefined as never;

  it('posts the number and the signed text as JSON, with the bearer token', async () => {
    const url = await gateway(202);
    await smsProviderFor({ webhookUrl: url, webhookToken: 'gateway-token', signature: '某某大赛' }, noDatabase).send(message);
    expect(received).toEqual([
      {
        headers: expect.objectContaining({ 'content-type': 'application/json', authorization: 'Bearer gateway-token' }),
        body: { phone: '13812345678', text: '【某某大赛】您的投票验证码是 123456，5 分钟内有效。' },
      },
    ]);
  });

  it('refuses with sms.unavailable when the gateway answers anything but 2xx', async () => {
    const url = await gateway(500);
    await expect(smsProviderFor({ ...noWebhook, webhookUrl: url }, noDatabase).send(message)).rejects.toMatchObject({
      code: 'sms.unavailable',
      status: 503,
    });
    expect(received[0].headers.authorization).toBeUndefined();
  });

  it('refuses with sms.unavailable when the gateway cannot be reached', async () => {
    await expect(smsProviderFor({ ...noWebhook, webhookUrl: 'http://127.0.0.1:1/send' }, noDatabase).send(message)).rejects.toMatchObject({
      code: 'sms.unavailable',
    });
  });
});
