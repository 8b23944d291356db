import { Readable } from 'node:stream';
import { AbortMultipartUploadCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { S3Store } from '@tus/s3-store';
import { collectCapped, hashingWrite, hashOfStream, StoredFileTooLarge, type HashStates } from './hashing.ts';
import { rangedSource, type RangedSource } from './ranged-source.ts';
import { assertStorageKey, type ByteRange, type WorksStorage } from './types.ts';

export interface S3StorageOptions {
  bucket: string;
  /** For MinIO, Aliyun OSS, Tencent COS and other S3-compatible services; AWS when absent. */
  endpoint?: string;
  region: string;
  /** Both or neither: without them the AWS SDK's own chain (AWS_* variables, instance roles) is used. */
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
  /** Prepended to every object key ("leitai/" → leitai/<upload id>); empty for none. */
  prefix: string;
}

const clientConfig = (options: S3StorageOptions): S3ClientConfig => ({
  region: options.region,
  endpoint: options.endpoint,
  forcePathStyle: options.forcePathStyle,
  credentials: options.accessKeyId && options.secretAccessKey ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } : undefined,
  // The SDK's default CRC checksums (aws-chunked bodies with trailers) are not understood by every
  // S3-compatible service; Leitai keeps its own SHA-256 of every file anyway.
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
});

/**
 * The prefix, applied to every command's Key in the client itself, so @tus/s3-store (whose keys are
 * the upload id, `<id>.info` and `<id>.part`) and the readers here all see unprefixed keys.
 */
const prefixKeys = (client: S3Client, prefix: string) => {
  if (!prefix) return;
  client.middlewareStack.add(
    (next) => (args) => {
      const input = args.input as { Key?: unknown };
      return next(typeof input.Key === 'string' ? { ...args, input: { ...input, Key: `${prefix}${input.Key}` } as typeof args.input } : args);
    },
    { step: 'initialize', name: 'leitaiKeyPrefix' },
  );
};

/** @tus/s3-store's S3Store (multipart uploads; parts under 5 MiB wait as `<id>.part`), hashing what it writes. */
export class HashingS3Store extends S3Store {
  constructor(
    options: S3StorageOptions,
    private readonly states: HashStates,
    expirationPeriodInMilliseconds?: number,
  ) {
    // No expiration tags: they need a bucket lifecycle rule; Leitai's sweep deletes expired uploads itself.
    super({ s3ClientConfig: { ...clientConfig(options), bucket: options.bucket }, expirationPeriodInMilliseconds, useTags: false });
    prefixKeys(this.client, options.prefix);
  }

  override write(readable: Readable, id: string, offset: number): Promise<number> {
    return hashingWrite(this.states, readable, id, offset, (teed) => super.write(teed, id, offset));
  }
}

/** A missing object or multipart upload is what a removal wants; any other failure stands. */
const unlessNotFound = (error: unknown) => {
  const name = (error as { name?: string }).name;
  if (name === 'NotFound' || name === 'NoSuchKey' || name === 'NoSuchUpload') return undefined;
  throw error;
};

/** "uploads" and "/uploads/" both become "uploads/": the prefix names a folder of the bucket. */
export const normalisePrefix = (prefix: string) => {
  const trimmed = prefix.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `${trimmed}/` : '';
};

/** Uploaded files as objects of an S3-compatible bucket, keyed by upload id under the prefix. */
export const s3Storage = (options: S3StorageOptions): WorksStorage & { openSource(key: string): Promise<RangedSource> } => {
  const settings = { ...options, prefix: normalisePrefix(options.prefix) };
  const client = new S3Client(clientConfig(settings));
  prefixKeys(client, settings.prefix);
  const Bucket = settings.bucket;
  const getObject = async (key: string, range?: string) => client.send(new GetObjectCommand({ Bucket, Key: assertStorageKey(key), Range: range }));
  const bodyOf = (reply: { Body?: unknown }) => reply.Body as Readable;
  const readStream = (key: string, range?: ByteRange) =>
    Readable.from(
      (async function* () {
        yield* bodyOf(await getObject(key, range && `bytes=${range.start}-${range.end}`)) as AsyncIterable<Buffer>;
      })(),
      { objectMode: false },
    );
  return {
    kind: 's3',
    datastore: (states, options) => new HashingS3Store(settings, states, options?.expirationMs),
    async remove(key) {
      // An unfinished upload is an S3 multipart upload, whose parts are kept (and billed) until aborted;
      // its id is in the metadata of @tus/s3-store's <id>.info. S3Store.remove would stop at a finished one.
      const info = await client.send(new HeadObjectCommand({ Bucket, Key: `${assertStorageKey(key)}.info` })).catch(unlessNotFound);
      const UploadId = info?.Metadata?.['upload-id'];
      if (UploadId) await client.send(new AbortMultipartUploadCommand({ Bucket, Key: key, UploadId })).catch(unlessNotFound);
      for (const Key of [key, `${key}.info`, `${key}.part`]) await client.send(new DeleteObjectCommand({ Bucket, Key }));
    },
    async openSource(key) {
      const head = await client.send(new HeadObjectCommand({ Bucket, Key: assertStorageKey(key) }));
      return rangedSource(head.ContentLength ?? 0, async (start, end) => {
        const reply = await getObject(key, `bytes=${start}-${end - 1}`);
        return reply.Body!.transformToByteArray();
      });
    },
    readStream,
    async readAll(key, maxBytes) {
      const reply = await getObject(key);
      if ((reply.ContentLength ?? 0) > maxBytes) {
        bodyOf(reply).destroy();
        throw new StoredFileTooLarge(key, maxBytes);
      }
      return collectCapped(bodyOf(reply), key, maxBytes);
    },
    hashFallback: (key) => hashOfStream(readStream(key)),
  };
};
