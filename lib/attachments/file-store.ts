// Where the app's files live — attachments and uploaded import files — seen as keys (paths
// relative to the store, with "/") and their bytes: the local upload directory (UPLOAD_DIR,
// default DATA_DIR/uploads) or an S3-compatible bucket (lib/attachments/s3-file-store.ts).
// Every file the app keeps goes through this, and so do backups (scripts/lib/backup/);
// lib/attachments/store.ts picks the one the settings name.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

/** A stored file as a listing shows it. */
export type StoredFile = { key: string; size: number; modified: Date };

export type FileStore = {
  kind: "local" | "s3";
  /** Where the files are, for messages (never a secret). */
  describe: () => string;
  /** Every file's key (under `folder`, such as "imports/", when given), sorted. */
  list: (folder?: string) => Promise<StoredFile[]>;
  /** The file's size and time, or null when there is none. */
  stat: (key: string) => Promise<StoredFile | null>;
  /** The file's bytes as a stream, or null when there is none. */
  get: (key: string) => Promise<Readable | null>;
  /**
   * Stores bytes under a key: a buffer, or a stream with its size in bytes (an S3 request
   * states its length before the body). A local file is created, never overwritten.
   */
  put: (key: string, body: Uint8Array | Readable, size?: number) => Promise<void>;
  /** Removes a file; one already gone is fine. */
  delete: (key: string) => Promise<void>;
};

/** A key may not leave the store: no absolute paths, no "..", no empty parts. */
export function checkKey(key: string): string {
  const parts = key.split("/");
  if (!key || key.includes("\\") || key.includes("\0") || parts.some((p) => p === "" || p === "." || p === ".."))
    throw new Error(`not a file key: ${JSON.stringify(key)}`);
  return key;
}

/** A listing's folder: "" for all, else keys' leading parts ending with "/". */
export function checkFolder(folder = ""): string {
  if (folder && (!folder.endsWith("/") || !checkKey(folder.slice(0, -1))))
    throw new Error(`not a folder: ${JSON.stringify(folder)}`);
  return folder;
}

const missing = (e: unknown) => ["ENOENT", "ENOTDIR"].includes((e as NodeJS.ErrnoException).code ?? "");

/** The files under `dir` (UPLOAD_DIR), keyed by their path relative to it. */
export function localFileStore(dir: string): FileStore {
  const root = path.resolve(dir);
  const at = (key: string) => path.join(root, ...checkKey(key).split("/"));
  async function walk(rel: string[], out: StoredFile[]) {
    const entries = await fs.promises.readdir(path.join(root, ...rel), { withFileTypes: true }).catch((e) => {
      if (missing(e)) return [];
      throw e;
    });
    for (const entry of entries) {
      if (entry.isDirectory()) await walk([...rel, entry.name], out);
      else if (entry.isFile()) {
        const key = [...rel, entry.name].join("/");
        const s = await fs.promises.stat(path.join(root, ...rel, entry.name)).catch(() => null);
        if (s) out.push({ key, size: s.size, modified: s.mtime });
      }
    }
    return out;
  }
  return {
    kind: "local",
    describe: () => root,
    list: async (folder) => {
      const start = checkFolder(folder).split("/").filter(Boolean);
      return (await walk(start, [])).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    },
    stat: async (key) => {
      const s = await fs.promises.stat(at(key)).catch((e) => {
        if (missing(e)) return null;
        throw e;
      });
      return s?.isFile() ? { key, size: s.size, modified: s.mtime } : null;
    },
    get: async (key) => {
      const handle = await fs.promises.open(at(key), "r").catch((e) => {
        if (missing(e)) return null;
        throw e;
      });
      return handle ? handle.createReadStream() : null;
    },
    put: async (key, body) => {
      const file = at(key);
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      const source = body instanceof Readable ? body : Readable.from([Buffer.from(body)]);
      try {
        await pipeline(source, fs.createWriteStream(file, { flags: "wx" }));
      } catch (err) {
        // Not the half-written file of a failed copy; one that was there already stays.
        if ((err as NodeJS.ErrnoException).code !== "EEXIST") await fs.promises.rm(file, { force: true });
        throw err;
      }
    },
    delete: async (key) => {
      await fs.promises.rm(at(key), { force: true });
    },
  };
}

/** A stored file copied to a private temporary directory, for readers that need a local file. */
export type LocalCopy = { file: string; remove: () => Promise<void> };

/**
 * Copies `key` out of the store into a new temporary directory (an import's .xlsx is read
 * with random access, a bucket's object only as a stream); `remove` deletes the copy.
 * Null when the store has no such file.
 */
export async function localCopy(store: FileStore, key: string): Promise<LocalCopy | null> {
  const source = await store.get(key);
  if (!source) return null;
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), "crm-file-"));
  const remove = () => fs.promises.rm(dir, { recursive: true, force: true });
  const file = path.join(dir, path.basename(checkKey(key)));
  try {
    await pipeline(source, fs.createWriteStream(file, { flags: "wx", mode: 0o600 }));
  } catch (err) {
    await remove();
    throw err;
  }
  return { file, remove };
}
