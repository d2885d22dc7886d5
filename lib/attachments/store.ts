// The app's one file store, as the settings name it (lib/env.ts): an S3-compatible bucket
// when S3_ENDPOINT, S3_BUCKET and the keys are set, else the upload directory.
import { fileStorageEnv, type FileStorageEnv } from "../env";
import { localFileStore, type FileStore } from "./file-store";
import { s3FileStore } from "./s3-file-store";

export type { FileStore, StoredFile } from "./file-store";

export function fileStoreFor(settings: FileStorageEnv): FileStore {
  return settings.s3 ? s3FileStore(settings.s3) : localFileStore(settings.uploadDir);
}

/** Where the app's files are now (read on each use: tests point it elsewhere). */
export function appFileStore(): FileStore {
  return fileStoreFor(fileStorageEnv());
}
