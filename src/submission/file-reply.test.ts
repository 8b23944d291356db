import { describe, expect, it } from 'vitest';
import { fileReply } from './file-reply.ts';

const pdf = { file_name: '方案.pdf', media_type: 'application/pdf', size: 5000 };

describe('a stored file as the browser gets it', () => {
  it('shows a PDF, picture or video in the page only when asked, and never a kind a browser would run', () => {
    expect(fileReply(pdf, { inline: true }).headers['Content-Disposition']).toBe("inline; filename*=UTF-8''%E6%96%B9%E6%A1%88.pdf");
    expect(fileReply(pdf, { inline: true }).headers['Content-Security-Policy']).toBe("default-src 'none'; object-src 'self'; frame-ancestors 'self'");
    expect(fileReply(pdf, { inline: false }).headers['Content-Disposition']).toMatch(/^attachment;/);
    expect(fileReply(pdf, { inline: false }).headers['Content-Security-Policy']).toBeUndefined();
    for (const media_type of ['text/html', 'image/svg+xml', null])
      expect(fileReply({ ...pdf, media_type }, { inline: true }).headers['Content-Disposition']).toMatch(/^attachment;/);
  });

  it('answers one range with 206 and its bytes, several or none with the whole file, an impossible one with 416', () => {
    expect(fileReply(pdf, { inline: false, range: 'bytes=100-199' })).toMatchObject({
      status: 206,
      range: { start: 100, end: 199 },
      headers: { 'Content-Range': 'bytes 100-199/5000', 'Content-Length': '100' },
    });
    expect(fileReply(pdf, { inline: false, range: 'bytes=4990-' }).range).toEqual({ start: 4990, end: 4999 });
    expect(fileReply(pdf, { inline: false, range: 'bytes=0-9,100-109' })).toMatchObject({ status: 200, headers: { 'Content-Length': '5000' } });
    expect(fileReply(pdf, { inline: false, range: 'items=0-9' }).status).toBe(200);
    expect(fileReply(pdf, { inline: false, range: 'nonsense' }).status).toBe(200);
    expect(fileReply(pdf, { inline: false })).toMatchObject({ status: 200, headers: { 'Accept-Ranges': 'bytes' } });
    expect(fileReply(pdf, { inline: false, range: 'bytes=6000-' })).toMatchObject({ status: 416, headers: { 'Content-Range': 'bytes */5000' } });
  });
});
