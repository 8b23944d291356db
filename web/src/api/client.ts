import type { ApiErrorBody, Message, Problem } from './types.ts';

/** A refusal from the server (4xx), or a failure to reach it, with a message in both languages. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messages: Message;
  readonly problems: Problem[];

  constructor(status: number, code: string, message: Message, problems: Problem[] = []) {
    super(message.en);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.messages = message;
    this.problems = problems;
  }
}

const networkMessage: Message = {
  zh: '无法连接服务器，请检查网络后重试。',
  en: 'Could not reach the server. Check your connection and try again.',
};

const isErrorBody = (body: unknown): body is ApiErrorBody =>
  typeof body === 'object' && body !== null && 'error' in body && typeof (body as ApiErrorBody).error === 'object';

/** Sends a JSON request with the session cookie and returns the parsed reply, or throws ApiError. */
export const request = async <T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> => {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network', networkMessage);
  }
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  if (!response.ok) {
    if (isErrorBody(parsed)) {
      const { code, message, problems } = parsed.error;
      throw new ApiError(response.status, code, message, problems ?? []);
    }
    throw new ApiError(response.status, `http.${response.status}`, {
      zh: `服务器返回错误（${response.status}）。`,
      en: `The server replied with an error (${response.status}).`,
    });
  }
  return parsed as T;
};

/** A query string from the defined, non-empty values. */
export const queryString = (params: Record<string, string | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
};
