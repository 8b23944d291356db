/**
 * A feature's routes as the API reference lists them: under the feature's tag, each with its summary,
 * and beside each route's own replies the refusals the feature answers with, every one in the one
 * error reply. The route's parts pass through as given: Fastify infers each handler's request and
 * reply from them.
 */
import { errorReplySchema } from './error-reply.ts';

/** The statuses a refusal leaves with: the AppErrors' own, rate limits, an SMS provider that is down. */
export type RefusalStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 503;

/** The error reply under each status given, for a route's `response`. */
export const errorReplies = <Status extends RefusalStatus>(...statuses: Status[]) =>
  Object.fromEntries(statuses.map((status) => [status, errorReplySchema])) as Record<Status, typeof errorReplySchema>;

interface RouteParts {
  params?: unknown;
  querystring?: unknown;
  body?: unknown;
  response?: object;
}

/**
 * `documented(summary, parts)`, a route's options: its schema with the feature's tag and refusals. A
 * route that lists no reply of its own (a file's bytes, a 204) lists no refusals either: a typed reply
 * would refuse the bytes, and the reference says what it sends in its summary.
 */
export function documentedRoutes<Status extends RefusalStatus>(tag: string, refusals: Status[]) {
  const tags = [tag];
  const refused = errorReplies(...refusals);
  return <Parts extends RouteParts>(summary: string, parts: Parts) => ({
    schema: { tags, summary, ...parts, ...(parts.response && { response: { ...refused, ...parts.response } }) },
  });
}
