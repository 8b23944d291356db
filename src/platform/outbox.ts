/**
 * The notification outbox: messages (judges' invitation links, reminders) written where they wait
 * until Leitai sends notifications itself. Until then an organiser reads them on the outbox page and
 * passes them on. A message is enqueued in the transaction of the change it tells about, so it exists
 * exactly when that change does; the change's own audit event records it, not the outbox.
 */
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import { isOrganiserOf, requireAccount } from './auth/policy.ts';
import type { Account } from './auth/service.ts';
import type { Database } from './db-types.ts';
import { forbidden } from './errors.ts';
import { errorReplySchema } from './http/error-reply.ts';
import type { LeitaiApp } from './http/server.ts';
import type { Executor } from './transaction.ts';

type OutboxRow = Selectable<Database['outbox_messages']>;

export interface NewOutboxMessage {
  /** null for a message of the platform, not of one contest. */
  contestId: string | null;
  /** What the message is, as a dotted name: `judge.invitation`, `review.reminder`. */
  kind: string;
  recipientName: string;
  /** Where to send it (an email address or a phone), when known. */
  recipientAddress?: string | null;
  subject: string;
  body: string;
  link?: string | null;
  /** The account whose action wrote it; null for the system. */
  createdBy: string | null;
  at: Date;
}

export const outboxMessageView = z.object({
  id: z.string(),
  kind: z.string(),
  recipientName: z.string(),
  recipientAddress: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

export type OutboxMessage = z.infer<typeof outboxMessageView>;

const present = (row: OutboxRow): OutboxMessage => ({
  id: row.id,
  kind: row.kind,
  recipientName: row.recipient_name,
  recipientAddress: row.recipient_address,
  subject: row.subject,
  body: row.body,
  link: row.link,
  createdAt: row.created_at.toISOString(),
  sentAt: row.sent_at?.toISOString() ?? null,
});

/** Writes one message, unsent, in the caller's transaction; returns it as the outbox shows it. */
export async function enqueueMessage(db: Executor, message: NewOutboxMessage): Promise<OutboxMessage> {
  const row = await db
    .insertInto('outbox_messages')
    .values({
      id: randomUUID(),
      contest_id: message.contestId,
      kind: message.kind,
      recipient_name: message.recipientName,
      recipient_address: message.recipientAddress ?? null,
      subject: message.subject,
      body: message.body,
      link: message.link ?? null,
      created_by: message.createdBy,
      created_at: message.at,
      sent_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return present(row);
}

/** A contest's messages, newest first. */
export async function outboxOf(db: Executor, contestId: string): Promise<OutboxMessage[]> {
  const rows = await db
    .selectFrom('outbox_messages')
    .selectAll()
    .where('contest_id', '=', contestId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(present);
}

/** The outbox page's read: the contest's organisers only, since messages carry single-use links. */
export async function outboxFor(db: Executor, contestId: string, account: Account | null): Promise<OutboxMessage[]> {
  if (!isOrganiserOf(requireAccount(account), contestId)) throw forbidden('outbox.forbidden');
  return outboxOf(db, contestId);
}

const outboxReply = z.object({ messages: z.array(outboxMessageView) });

export async function outboxRoutes(app: LeitaiApp): Promise<void> {
  app.get(
    '/api/contests/:id/outbox',
    {
      schema: {
        tags: ['outbox'],
        summary: "The contest's messages waiting to be passed on (judges' invitation links, reminders), newest first (organisers)",
        params: z.object({ id: z.string().max(120) }),
        response: { 200: outboxReply, 401: errorReplySchema, 403: errorReplySchema },
      },
    },
    async (request) => ({ messages: await outboxFor(app.db, request.params.id, request.account) }),
  );
}
