// The FileStore of lib/attachments/file-store.ts on an S3-compatible bucket (MinIO, Ceph,
// a cloud's object storage, AWS S3): a file's key is its object's key, as in the upload
// directory. Several app instances then share the files.
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { Readable } from "node:stream";
import type { S3Settings } from "../env";
import { checkFolder, checkKey, type FileStore, type StoredFile } from "./file-store";

/** One client per set of settings (it keeps its connections). */
const clients = new Map<string, S3Client>();

function clientFor(s: S3Settings): S3Client {
  const id = JSON.stringify(s);
  let client = clients.get(id);
  if (!client) {
    client = new S3Client({
      endpoint: s.endpoint,
      region: s.region,
      forcePathStyle: s.forcePathStyle,
      credentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey },
      // Plain requests that every S3-compatible service reads: no checksum trailers in
      // aws-chunked bodies (which older MinIO, Ceph and the test's s3rver refuse).
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      maxAttempts: 3,
    });
    clients.set(id, client);
  }
  return client;
}

const notFound = (e: unknown) => {
  const err = e as { name?: string; $metadata?: { httpStatusCode?: number } };
  return err.name === "NoSuchKey" || err.name === "NotFound" || err.$metadata?.httpStatusCode === 404;
};

/** The objects of `settings.bucket`, keyed as the upload directory's files. */
export function s3FileStore(settings: S3Settings): FileStore {
  const client = clientFor(settings);
  const Bucket = settings.bucket;
  return {
    kind: "s3",
    describe: () => `s3 ${settings.endpoint.replace(/\/+$/, "")}/${Bucket}`,
    list: async (folder) => {
      const out: StoredFile[] = [];
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket, Prefix: checkFolder(folder) || undefined, ContinuationToken }),
        );
        for (const o of page.Contents ?? [])
          if (o.Key && !o.Key.endsWith("/"))
            out.push({ key: o.Key, size: o.Size ?? 0, modified: o.LastModified ?? new Date(0) });
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
      return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    },
    stat: async (key) => {
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket, Key: checkKey(key) }));
        return { key, size: head.ContentLength ?? 0, modified: head.LastModified ?? new Date(0) };
      } catch (e) {
        if (notFound(e)) return null;
        throw e;
      }
    },
    get: async (key) => {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: checkKey(key) }));
        return object.Body instanceof Readable ? object.Body : Readable.from([]);
      } catch (e) {
        if (notFound(e)) return null;
        throw e;
      }
    },
    put: async (key, body, size) => {
      if (body instanceof Readable && size === undefined)
        throw new Error(`the size of ${key} is needed to store a stream in S3`);
      await client.send(
        new PutObjectCommand({
          Bucket,
          Key: checkKey(key),
          Body: body instanceof Readable ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength),
          ContentLength: body instanceof Readable ? size : body.byteLength,
        }),
      );
    },
    delete: async (key) => {
      await client.send(new DeleteObjectCommand({ Bucket, Key: checkKey(key) }));
    },
  };
}
