import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, queryString, request } from './client.ts';

afterEach(() => vi.unstubAllGlobals());

describe('the API client', () => {
  it('writes a query string from the values given', () => {
    expect(queryString({ trackId: 'app-dev', groupId: undefined, status: '' })).toBe('?trackId=app-dev');
    expect(queryString({})).toBe('');
  });

  it('sends JSON with the session cookie', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ ok: true }), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    expect(await request('POST', '/api/x', { a: 1 })).toEqual({ ok: true });
    expect(fetch).toHaveBeenCalledWith('/api/x', expect.objectContaining({ method: 'POST', credentials: 'same-origin', body: '{"a":1}' }));
  });

  it('throws the server refusal with its code, messages and problems', async () => {
    const body = {
      error: {
        code: 'registration.invalid',
        message: { zh: '报名信息有误', en: 'The registration has problems' },
        problems: [{ code: 'team.too_large', message: { zh: '太多', en: 'Too many' }, path: 'members' }],
      },
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(body), { status: 422 })),
    );
    const error = await request('POST', '/api/x', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, code: 'registration.invalid', problems: body.error.problems, messages: body.error.message });
  });

  it('reports a reply without an error body by its status', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>', { status: 502 })),
    );
    await expect(request('GET', '/api/x')).rejects.toMatchObject({ status: 502, code: 'http.502' });
  });
});
