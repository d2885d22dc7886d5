// A local S3-compatible server for the tests of the S3 file store: s3rver on 127.0.0.1, a
// free port and a temporary directory of its own, with the buckets asked for; `env` is
// what the app reads to use the first bucket (S3_ENDPOINT, S3_BUCKET, the keys).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";

export const s3Variables = [
  "S3_ENDPOINT",
  "S3_BUCKET",
  "S3_ACCESS_KEY_ID",
  "S3_SECRET_ACCESS_KEY",
  "S3_REGION",
  "S3_FORCE_PATH_STYLE",
] as const;

export type LocalS3 = {
  endpoint: string;
  buckets: string[];
  /** The app's settings for `bucket` (default: the first). */
  env: (bucket?: string) => Record<(typeof s3Variables)[number], string>;
  /** The keys in a bucket, read with a client of its own (not the app's store). */
  keys: (bucket?: string) => Promise<string[]>;
  stop: () => Promise<void>;
};

export async function startLocalS3(buckets: string[] = ["crm-test"]): Promise<LocalS3> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "crm-s3rver-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: buckets.map((name) => ({ name, configs: [] })),
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  // s3rver checks signatures with its own fixed keys.
  const credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
  const client = new S3Client({ endpoint, region: "us-east-1", forcePathStyle: true, credentials });
  return {
    endpoint,
    buckets,
    env: (bucket = buckets[0]) => ({
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      S3_REGION: "us-east-1",
      S3_FORCE_PATH_STYLE: "true",
    }),
    keys: async (bucket = buckets[0]) => {
      const page = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
      return (page.Contents ?? []).map((o) => o.Key!).sort();
    },
    stop: async () => {
      client.destroy();
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}

/**
 * Points the app's file store at `settings` (S3 variables) until the returned function
 * puts the environment back; with none, the upload directory.
 */
export function useFileStore(settings: Partial<Record<(typeof s3Variables)[number], string>> | null) {
  const before = Object.fromEntries(s3Variables.map((k) => [k, process.env[k]]));
  for (const k of s3Variables) {
    const v = settings?.[k];
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  return () => {
    for (const k of s3Variables) {
      if (before[k] === undefined) delete process.env[k];
      else process.env[k] = before[k];
    }
  };
}
