/**
 * @tus/server answers refusals as plain text of its own ("Upload-Offset conflict\n") and, for an
 * error it does not know, "Something went wrong…" followed by the error's message — a database's
 * words included. Leitai answers every refusal in its one JSON shape instead: this module turns
 * what tus would have written into that shape, with a stable code, by the text tus writes (its
 * ERRORS table, plus the two replies it writes before any handler runs). The status stays the one
 * the tus protocol gives, so tus clients still resume, retry or give up as they should.
 */
import { ERRORS } from '@tus/server';
import type { LocalisedText, Problem } from '../platform/errors.ts';
import { errorReply, internalErrorMessage } from '../platform/http/error-reply.ts';

interface Refusal {
  status: number;
  code: string;
  message: LocalisedText;
  problems?: Problem[];
}

export const refusalBody = (code: string, message: LocalisedText, problems: Problem[] = []) => JSON.stringify(errorReply(code, message, problems));

const internal: Omit<Refusal, 'status'> = { code: 'internal', message: internalErrorMessage };

const tooLarge = (maxBytes: number): LocalisedText => ({
  zh: `文件超过允许的最大大小（${(maxBytes / 1024 / 1024).toFixed(0)} MB）`,
  en: `The file is larger than the largest allowed (${(maxBytes / 1024 / 1024).toFixed(0)} MB)`,
});

/** tus's own refusals, by the body it writes for each. */
const byBody = (maxBytes: number) =>
  new Map<string, Omit<Refusal, 'status'>>([
    [ERRORS.MISSING_OFFSET.body, { code: 'upload.invalid_offset', message: { zh: '缺少 Upload-Offset 头', en: 'The Upload-Offset header is required' } }],
    [
      ERRORS.INVALID_CONTENT_TYPE.body,
      {
        code: 'upload.invalid_content_type',
        message: { zh: '上传内容类型须为 application/offset+octet-stream', en: 'Upload bytes must be sent as application/offset+octet-stream' },
      },
    ],
    [
      ERRORS.INVALID_OFFSET.body,
      {
        code: 'upload.offset_conflict',
        message: {
          zh: 'Upload-Offset 与服务器已收到的字节数不符，请从服务器告知的位置续传',
          en: 'Upload-Offset does not match the bytes the server holds; resume from the offset it reports',
        },
      },
    ],
    [
      ERRORS.INVALID_LENGTH.body,
      { code: 'upload.invalid_length', message: { zh: '须给出 Upload-Length（文件字节数）', en: 'Upload-Length (the file size in bytes) is required' } },
    ],
    [
      ERRORS.INVALID_METADATA.body,
      {
        code: 'upload.invalid_metadata',
        message: {
          zh: 'Upload-Metadata 格式不正确：须为逗号分隔的「键 Base64 值」',
          en: 'Upload-Metadata is malformed: it is comma-separated "key base64-value" pairs',
        },
      },
    ],
    [ERRORS.FILE_NOT_FOUND.body, { code: 'upload.not_found', message: { zh: '未找到该上传', en: 'Upload not found' } }],
    [
      ERRORS.FILE_NO_LONGER_EXISTS.body,
      { code: 'upload.expired', message: { zh: '该上传已过期并被清除，请重新上传', en: 'This upload has expired and was cleared; start it again' } },
    ],
    [
      ERRORS.ERR_SIZE_EXCEEDED.body,
      { code: 'upload.too_large', message: { zh: '发送的字节超过了声明的文件大小', en: 'More bytes were sent than the upload declared' } },
    ],
    [ERRORS.ERR_MAX_SIZE_EXCEEDED.body, { code: 'upload.too_large', message: tooLarge(maxBytes) }],
    [
      ERRORS.INVALID_TERMINATION.body,
      {
        code: 'upload.finished',
        message: { zh: '已提交的文件不能这样删除，请在作品页移除', en: 'A submitted file cannot be deleted this way; remove it on the works page' },
      },
    ],
    [
      ERRORS.ABORTED.body,
      { code: 'upload.interrupted', message: { zh: '另一请求接管了此上传，本请求已中止', en: 'Another request took over this upload; this one was stopped' } },
    ],
    [
      ERRORS.ERR_LOCK_TIMEOUT.body,
      { code: 'upload.busy', message: { zh: '该上传正被另一请求占用，请稍后重试', en: 'Another request is still working on this upload; try again shortly' } },
    ],
    [
      ERRORS.UNSUPPORTED_CONCATENATION_EXTENSION.body,
      { code: 'upload.unsupported', message: { zh: '不支持并行分片上传', en: 'Parallel (concatenated) uploads are not supported' } },
    ],
    [
      ERRORS.UNSUPPORTED_CREATION_DEFER_LENGTH_EXTENSION.body,
      { code: 'upload.unsupported', message: { zh: '不支持延后声明文件大小', en: 'Declaring the size later is not supported' } },
    ],
    [ERRORS.UNKNOWN_ERROR.body, internal],
    [ERRORS.FILE_WRITE_ERROR.body, internal],
  ]);

/** Headers tus checks before any handler, and the refusal each one's invalid value means. */
const headerRefusals: Record<string, Omit<Refusal, 'status'>> = {
  'tus-resumable': {
    code: 'upload.protocol_version',
    message: { zh: '仅支持 tus 1.0.0 协议（Tus-Resumable: 1.0.0）', en: 'Only the tus 1.0.0 protocol is supported (Tus-Resumable: 1.0.0)' },
  },
  'upload-length': {
    code: 'upload.invalid_length',
    message: { zh: 'Upload-Length 须为非负整数（文件字节数）', en: 'Upload-Length must be a non-negative whole number of bytes' },
  },
  'upload-defer-length': { code: 'upload.invalid_length', message: { zh: 'Upload-Defer-Length 只能为 1', en: 'Upload-Defer-Length can only be 1' } },
  'upload-offset': { code: 'upload.invalid_offset', message: { zh: 'Upload-Offset 须为非负整数', en: 'Upload-Offset must be a non-negative whole number' } },
  'upload-metadata': {
    code: 'upload.invalid_metadata',
    message: {
      zh: 'Upload-Metadata 格式不正确：须为逗号分隔的「键 Base64 值」',
      en: 'Upload-Metadata is malformed: it is comma-separated "key base64-value" pairs',
    },
  },
  'content-type': {
    code: 'upload.invalid_content_type',
    message: { zh: '上传内容类型须为 application/offset+octet-stream', en: 'Upload bytes must be sent as application/offset+octet-stream' },
  },
};
const otherHeader = (name: string): Omit<Refusal, 'status'> => ({
  code: 'upload.invalid_header',
  message: { zh: `请求头 ${name} 的值无效`, en: `The ${name} header is invalid` },
});

/** "Invalid upload-length upload-metadata\n": one problem per header named, the first one's code. */
const invalidHeaders = (body: string): Omit<Refusal, 'status'> | undefined => {
  const match = /^Invalid ([a-z0-9 -]+)\n$/.exec(body);
  if (!match) return undefined;
  const problems = match[1].split(' ').map((name) => ({ ...(headerRefusals[name] ?? otherHeader(name)), path: name }));
  return { code: problems[0].code, message: problems[0].message, problems };
};

const missingProtocol: Omit<Refusal, 'status'> = {
  code: 'upload.protocol_version',
  message: { zh: '请求须带 Tus-Resumable: 1.0.0 头（tus 1.0.0 协议）', en: 'The request must carry Tus-Resumable: 1.0.0 (the tus 1.0.0 protocol)' },
};

/**
 * What tus was about to write (status and plain-text body), as Leitai's JSON refusal. A body that is
 * already Leitai's JSON passes unchanged; a body tus has no entry for gives no detail away.
 */
export const refusalFromTus = (maxBytes: number) => {
  const known = byBody(maxBytes);
  return (status: number, body: string): string => {
    if (body.startsWith('{"error":')) return body;
    const refusal = status === 412 && body === 'Tus-Resumable Required\n' ? missingProtocol : (known.get(body) ?? invalidHeaders(body));
    if (refusal) return refusalBody(refusal.code, refusal.message, refusal.problems);
    if (status === 404) return refusalBody('not_found', { zh: '未找到', en: 'Not found' });
    if (status >= 500) return refusalBody(internal.code, internal.message);
    return refusalBody('upload.refused', { zh: '上传请求被拒绝', en: 'The upload request was refused' });
  };
};
