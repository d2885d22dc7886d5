// Where attachment files live, seen as keys (paths relative to the store, with "/") and
// their bytes. Backups read and write files only through this, so that a store of another
// kind (an S3-compatible bucket) can take the local directory's place.
import fs from "node:fs";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

export type FileStore = {
  /** Where the files are, for messages. */
  describe: () => string;
  /** Every file's key, sorted. */
  list: () => Promise<string[]>;
  read: (key: string) => Readable;
  write: (key: string, bytes: Readable) => Promise<void>;
};

/** A key may not leave the store: no absolute paths, no "..", no empty parts. */
export function checkKey(key: string): string {
  const parts = key.split("/");
  if (!key || key.includes("\\") || key.includes("\0") || parts.some((p) => p === "" || p === "." || p === ".."))
    throw new Error(`not a file key: ${JSON.stringify(key)}`);
  return key;
}

/** The files under `dir` (UPLOAD_DIR), keyed by their path relative to it. */
export function localFileStore(dir: string): FileStore {
  const root = path.resolve(dir);
  const at = (key: string) => path.join(root, ...checkKey(key).split("/"));
  async function walk(rel: string[], out: string[]) {
    const entries = await fs.promises.readdir(path.join(root, ...rel), { withFileTypes: true }).catch((e) => {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw e;
    });
    for (const entry of entries) {
      if (entry.isDirectory()) await walk([...rel, entry.name], out);
      else if (entry.isFile()) out.push([...rel, entry.name].join("/"));
    }
    return out;
  }
  return {
    describe: () => root,
    list: async () => (await walk([], [])).sort(),
    read: (key) => fs.createReadStream(at(key)),
    write: async (key, bytes) => {
      const file = at(key);
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      await pipeline(bytes, fs.createWriteStream(file, { flags: "wx" }));
    },
  };
}
