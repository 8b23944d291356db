import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorReplySchema } from './error-reply.ts';
import { documentedRoutes, errorReplies } from './route-schema.ts';

describe("a feature's documented routes", () => {
  const reply = z.object({ ok: z.boolean() });
  const documented = documentedRoutes('results', [400, 404]);

  it("lists the feature's tag and refusals beside the route's own replies, its own refusals added", () => {
    const { schema } = documented('A round', { response: { 200: reply, ...errorReplies(410) } });
    expect(schema.tags).toEqual(['results']);
    expect(schema.summary).toBe('A round');
    expect(schema.response).toEqual({ 200: reply, 400: errorReplySchema, 404: errorReplySchema, 410: errorReplySchema });
  });

  it('passes the request parts through as given', () => {
    const params = z.object({ id: z.string() });
    expect(documented('A round', { params, body: reply, response: { 200: reply } }).schema).toMatchObject({ params, body: reply });
  });

  it('lists no replies for a route that lists none of its own (a file, a 204)', () => {
    expect(documented('A file', { params: z.object({}) }).schema).not.toHaveProperty('response');
  });
});
