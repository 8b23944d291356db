/**
 * Every refusal leaves the server in one shape, `{ error: { code, message: { zh, en }, problems } }`,
 * so the web app and API clients handle errors in one place. Bad input is a 4xx with a stable
 * code; anything unexpected is logged in full and answered as `internal` without details.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, type LocalisedText, type Problem } from '../errors.ts';
import { count } from '../plural.ts';
import { schemaProblems } from './schema-problems.ts';

const localisedSchema = z.object({ zh: z.string(), en: z.string() });

/** The reply of any refusal; routes list it under their 4xx responses for the API reference. */
export const errorReplySchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: localisedSchema,
      problems: z.array(z.object({ code: z.string(), message: localisedSchema, path: z.string().optional(), rule: z.string().optional() })),
    }),
  })
  .meta({ id: 'ErrorReply' });

export type ErrorReply = z.infer<typeof errorReplySchema>;

export const errorReply = (code: string, message: LocalisedText, problems: Problem[] = []): ErrorReply => ({
  error: { code, message, problems },
});

type ValidationError = FastifyError & { validation: { keyword: string; instancePath: string; message?: string; params: object }[] };

/** The part of the request a validation error is about, as the client sent it (validation left it raw). */
const sentPart = (request: FastifyRequest, context: string | undefined): unknown =>
  context === 'querystring' ? request.query : context === 'params' ? request.params : context === 'headers' ? request.headers : request.body;

/** A request refused for its shape: several problems are counted, a single one is the refusal's own message. */
export function requestInvalidError(problems: Problem[]): AppError {
  const message =
    problems.length === 1 ? problems[0].message : { zh: `请求有 ${problems.length} 处不符合要求`, en: `The request has ${count(problems.length, 'problem')}` };
  return new AppError('request.invalid', message, 400, problems);
}

export function requestInvalid(problems: Problem[]): ErrorReply {
  const error = requestInvalidError(problems);
  return errorReply(error.code, error.localised, error.problems);
}

function validationProblems(error: ValidationError, request: FastifyRequest): Problem[] {
  const context = error.validationContext;
  const prefix = !context || context === 'body' ? undefined : context;
  const issues = error.validation.map((issue) => ({
    ...(issue.params as Record<string, unknown>),
    code: issue.keyword,
    path: issue.instancePath.split('/').filter((s) => s !== ''),
    message: issue.message,
  }));
  return schemaProblems(issues, sentPart(request, context), prefix);
}

/** Fastify's own refusals of a request, by their codes. */
const fastifyRefusals: Record<string, { status: number; code: string; message: LocalisedText }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'request.malformed_json',
    message: { zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'request.malformed_json',
    message: { zh: '请求体为空，但声明为 JSON', en: 'The request body is empty but declared as JSON' },
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'request.unsupported_media_type',
    message: { zh: '不支持该请求内容类型', en: 'This content type is not supported' },
  },
  FST_ERR_BAD_URL: {
    status: 400,
    code: 'request.bad_url',
    message: { zh: '网址含有无法解码的字符', en: 'The URL contains characters that cannot be decoded' },
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'request.too_large',
    message: { zh: '请求体过大', en: 'The request body is too large' },
  },
};

/**
 * A rate limit's refusal, its wait given in whole seconds in both languages (the plugin's own
 * `after`, "56 seconds", is English only).
 */
export function rateLimited(ttlMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(ttlMs / 1000));
  return new AppError(
    'request.rate_limited',
    { zh: `请求过于频繁，请 ${seconds} 秒后再试`, en: `Too many attempts; try again in ${count(seconds, 'second')}` },
    429,
  );
}

/**
 * The database refusing a write another request made impossible a moment before: two copies to one
 * new id, a registration racing the deletion of its contest, a deadlock or serialisation failure. The
 * rules checked what they could; what raced them is a conflict to try again, not a server fault.
 * SQLSTATE codes, the same on PostgreSQL and PGlite.
 */
const RACED = new Set(['23505', '23503', '40001', '40P01']);

const isRaceWithAnotherRequest = (error: unknown) => typeof error === 'object' && error !== null && RACED.has(String((error as { code?: unknown }).code));

const conflictError = () =>
  new AppError(
    'request.conflict',
    { zh: '数据刚被其他操作修改，请刷新后重试', en: 'The data was changed by another request just now; reload and try again' },
    409,
  );

/** What an unexpected error says: nothing of the error itself, which is logged in full instead. */
export const internalErrorMessage: LocalisedText = { zh: '服务器内部错误，请稍后再试', en: 'Internal server error; please try again later' };

export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    return reply.status(error.status).send(errorReply(error.code, error.localised, error.problems));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    return reply.status(400).send(requestInvalid(validationProblems(error as ValidationError, request)));
  }
  const refusal = fastifyRefusals[error.code];
  if (refusal) return reply.status(refusal.status).send(errorReply(refusal.code, refusal.message));
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    // Another refusal by Fastify or a plugin: its status stands, its message is safe to show.
    return reply.status(error.statusCode).send(errorReply('request.rejected', { zh: '请求被拒绝', en: error.message || 'The request was rejected' }));
  }
  if (isRaceWithAnotherRequest(error)) {
    request.log.warn({ err: error }, 'a write raced another request');
    const conflict = conflictError();
    return reply.status(conflict.status).send(errorReply(conflict.code, conflict.localised));
  }
  request.log.error({ err: error }, 'unexpected error');
  return reply.status(500).send(errorReply('internal', internalErrorMessage));
}

export function handleNotFound(request: FastifyRequest, reply: FastifyReply) {
  const path = request.url.split('?')[0];
  return reply.status(404).send(errorReply('not_found', { zh: `未找到 ${request.method} ${path}`, en: `No such route: ${request.method} ${path}` }));
}
