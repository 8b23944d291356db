/**
 * bench:votes' reference point: the naive vote the issue compares against, one row inserted and
 * committed per request (no challenge, no limits, no group commit), on PORT, into DATABASE_URL's
 * `naive_votes` (made here). As many pool connections as `leitai serve` opens by default.
 */
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: cpus().length * 2 + 1 });
await pool.query('create table if not exists naive_votes (id text primary key, registration_id text not null, cast_at timestamptz not null)');

const app = Fastify({ logger: false });
app.post<{ Body: { registrationId: string } }>('/votes', async (request, reply) => {
  const id = randomUUID();
  await pool.query('insert into naive_votes (id, registration_id, cast_at) values ($1, $2, now())', [id, request.body.registrationId]);
  return reply.status(201).send({ vote: { id } });
});
app.get('/', async () => ({ ok: true }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
