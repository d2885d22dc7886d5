// npm run db:backup / db:restore: one .tar.gz holding manifest.json, the database's tables
// (database/<table>.jsonl) and the attachments under their keys (uploads/<key>).
import crypto from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { checkKey, type FileStore } from "../../../lib/attachments/file-store";
import { shanghaiDateTime } from "../../../lib/dates";
import { dumpDatabase, loadDatabase, tablesWithRows, type SequenceDump, type TableDump } from "./dump";

export const FORMAT = "crm-backup/1";

export type FileEntry = { key: string; size: number; sha256: string };
export type Manifest = {
  format: typeof FORMAT;
  app: { name: string; version: string };
  /** The migrations applied to the database, oldest first; the last one names its schema. */
  migrations: string[];
  createdAt: string;
  database: string;
  serverVersion: string;
  tables: TableDump[];
  sequences: SequenceDump[];
  files: FileEntry[];
};

const root = path.resolve(__dirname, "..", "..", "..");
const tableFile = (table: string) => `database/${table}.jsonl`;
const uploadPath = (key: string) => `uploads/${key}`;

/** backups/crm-YYYYMMDD-HHMMSS.tar.gz, the time in Asia/Shanghai. */
export function defaultBackupName(now = new Date()): string {
  return `crm-${shanghaiDateTime(now).replace(/[-:]/g, "").replace(" ", "-")}.tar.gz`;
}

/** The migration directories of this code, oldest first. */
export function codeMigrations(): string[] {
  return fs
    .readdirSync(path.join(root, "prisma", "migrations"), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash("sha256");
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest("hex");
}

function tmpDirBeside(file: string, prefix: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return fs.mkdtempSync(path.join(path.dirname(file), prefix));
}

/**
 * Dumps the database, then copies the files the store holds (after the dump, so every
 * attachment row of the dump has its file), then packs both with the manifest.
 */
export async function createBackup({
  url,
  store,
  file,
  log = () => {},
}: {
  url: string;
  store: FileStore;
  file: string;
  log?: (line: string) => void;
}) {
  const target = path.resolve(file);
  if (fs.existsSync(target)) throw new Error(`${target} exists already`);
  const staging = tmpDirBeside(target, ".crm-backup-");
  try {
    fs.mkdirSync(path.join(staging, "database"));
    const migrations = await appliedMigrations(url);
    const db = await dumpDatabase(url, staging, tableFile);
    const files: FileEntry[] = [];
    for (const { key } of await store.list()) {
      // Removed since it was listed (a failed upload cleaned up): not in the archive.
      const source = await store.get(key);
      if (!source) continue;
      const dest = path.join(staging, ...uploadPath(key).split("/"));
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      const hash = crypto.createHash("sha256");
      let size = 0;
      await pipeline(
        source,
        async function* (chunks: AsyncIterable<Buffer>) {
          for await (const chunk of chunks) {
            hash.update(chunk);
            size += chunk.length;
            yield chunk;
          }
        },
        fs.createWriteStream(dest),
      );
      files.push({ key, size, sha256: hash.digest("hex") });
    }
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
      name: string;
      version: string;
    };
    const manifest: Manifest = {
      format: FORMAT,
      app: { name: pkg.name, version: pkg.version },
      migrations,
      createdAt: new Date().toISOString(),
      database: db.database,
      serverVersion: db.serverVersion,
      tables: db.tables,
      sequences: db.sequences,
      files,
    };
    fs.writeFileSync(path.join(staging, "manifest.json"), `${JSON.stringify(manifest, null, 1)}\n`);
    const partial = `${target}.partial`;
    const members = ["manifest.json", "database", ...(files.length ? ["uploads"] : [])];
    execFileSync("tar", ["-czf", partial, "-C", staging, ...members], { stdio: "pipe" });
    fs.renameSync(partial, target);
    const rows = db.tables.reduce((n, t) => n + t.rows, 0);
    const bytes = files.reduce((n, f) => n + f.size, 0);
    log(`备份完成: ${target}`);
    log(`  数据库 ${db.database} (PostgreSQL ${db.serverVersion}): ${db.tables.length} 张表, ${rows} 行`);
    log(`  附件: ${files.length} 个文件, ${bytes} 字节`);
    return { file: target, manifest };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

async function appliedMigrations(url: string): Promise<string[]> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    const table = await client.query("select to_regclass('public._prisma_migrations') as t");
    if (!table.rows[0].t) throw new Error("the database has no migrations applied (nothing of the app's to back up)");
    const r = await client.query<{ name: string }>(
      `select migration_name as name from _prisma_migrations
       where finished_at is not null and rolled_back_at is null order by migration_name`,
    );
    return r.rows.map((x) => x.name);
  } finally {
    await client.end();
  }
}

export class RestoreRefused extends Error {}

/** Unpacks `file` into a new directory beside it and checks every checksum of its manifest. */
async function unpackAndVerify(file: string): Promise<{ dir: string; manifest: Manifest }> {
  const dir = tmpDirBeside(file, ".crm-restore-");
  try {
    try {
      execFileSync("tar", ["-xzf", file, "-C", dir, "--no-same-owner", "--no-same-permissions"], { stdio: "pipe" });
    } catch (err) {
      throw new RestoreRefused(
        `${file} is not a readable archive: ${String((err as { stderr?: Buffer }).stderr ?? err)}`,
      );
    }
    const manifestFile = path.join(dir, "manifest.json");
    if (!fs.existsSync(manifestFile)) throw new RestoreRefused(`${file} has no manifest.json`);
    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as Manifest;
    if (manifest.format !== FORMAT) throw new RestoreRefused(`${file}: unknown format ${String(manifest.format)}`);
    const expected = new Map<string, string>();
    for (const t of manifest.tables) expected.set(tableFile(t.name), t.sha256);
    for (const f of manifest.files) expected.set(uploadPath(checkKey(f.key)), f.sha256);
    const present = localList(dir).filter((p) => p !== "manifest.json");
    const extra = present.filter((p) => !expected.has(p));
    if (extra.length) throw new RestoreRefused(`${file} holds files its manifest does not list: ${extra.join(", ")}`);
    for (const [rel, sum] of expected) {
      const abs = path.join(dir, ...rel.split("/"));
      if (!fs.existsSync(abs)) throw new RestoreRefused(`${file} lacks ${rel}, which its manifest lists`);
      const actual = await sha256File(abs);
      if (actual !== sum) throw new RestoreRefused(`${rel}: checksum mismatch (sha256 ${actual}, manifest ${sum})`);
    }
    return { dir, manifest };
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

function localList(dir: string, rel: string[] = []): string[] {
  return fs.readdirSync(path.join(dir, ...rel), { withFileTypes: true }).flatMap((e) => {
    const name = [...rel, e.name].join("/");
    if (e.isDirectory()) return localList(dir, [...rel, e.name]);
    if (!e.isFile()) throw new RestoreRefused(`${name} is not a plain file`);
    return [name];
  });
}

/**
 * Restores an archive into an empty database and an empty store: refuses (RestoreRefused,
 * nothing written) when a table holds a row or the store a file, when a checksum does not
 * match, or when the archive's migrations are not this code's; else migrates, loads every
 * table in one transaction and writes the files.
 */
export async function restoreBackup({
  url,
  store,
  file,
  migrate,
  log = () => {},
}: {
  url: string;
  store: FileStore;
  file: string;
  migrate: (url: string) => Promise<void>;
  log?: (line: string) => void;
}) {
  const archive = path.resolve(file);
  if (!fs.existsSync(archive)) throw new RestoreRefused(`${archive} does not exist`);
  const client = new pg.Client(url);
  await client.connect();
  const full = await tablesWithRows(client).finally(() => client.end());
  if (full.length)
    throw new RestoreRefused(
      `the database is not empty (rows in ${full.slice(0, 5).join(", ")}${full.length > 5 ? " …" : ""}): restore only into an empty database`,
    );
  const existing = await store.list();
  if (existing.length)
    throw new RestoreRefused(
      `${store.kind === "s3" ? "the bucket" : "the upload directory"} ${store.describe()} is not empty (${existing.length} files): restore only into an empty one`,
    );
  const { dir, manifest } = await unpackAndVerify(archive);
  try {
    const code = codeMigrations();
    if (manifest.migrations.join("\n") !== code.join("\n")) {
      const last = manifest.migrations.at(-1) ?? "none";
      throw new RestoreRefused(
        `the archive was made at migration ${last} (version ${manifest.app.version}); this code's migrations are up to ${code.at(-1)}: restore with the version that made it, then start the newer one`,
      );
    }
    await migrate(url);
    await loadDatabase(url, dir, manifest.tables, manifest.sequences);
    for (const f of manifest.files)
      await store.put(f.key, fs.createReadStream(path.join(dir, ...uploadPath(f.key).split("/"))), f.size);
    const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
    const bytes = manifest.files.reduce((n, f) => n + f.size, 0);
    log(`恢复完成: ${archive} (备份于 ${manifest.createdAt}, 迁移 ${manifest.migrations.at(-1)})`);
    log(`  数据库: ${manifest.tables.length} 张表, ${rows} 行`);
    for (const t of manifest.tables.filter((x) => x.rows > 0)) log(`    ${t.name}: ${t.rows}`);
    log(`  附件: ${manifest.files.length} 个文件, ${bytes} 字节 → ${store.describe()}`);
    return manifest;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
