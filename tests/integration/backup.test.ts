// npm run db:backup / db:restore, run as the commands they are: the seeded demo database
// with attachments stored by the real upload code is backed up, restored into a fresh empty
// database and upload directory, and every table's rows, every sequence and every file's
// hash compared; a non-empty database or upload directory and a corrupted archive are refused
// without a write.
import { execFile, execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { uploadAttachment } from "../../lib/attachments/attachments";
import { toActor } from "../../lib/auth/permissions";
import { getDb } from "../../lib/db";
import { createDatabase, type Database } from "../../scripts/lib/database";
import { defaultBackupName, restoreBackup } from "../../scripts/lib/backup/archive";
import { fileStoreFor } from "../../lib/attachments/store";
import { fileStorageEnv } from "../../lib/env";
import { startLocalS3 } from "../support/s3";
import { useSeededDatabase } from "../support/seeded";

jest.setTimeout(600_000);

const root = path.resolve(__dirname, "..", "..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "crm-backup-test-"));
const sourceUploads = path.join(tmp, "uploads-source");
const archive = path.join(tmp, "out", "backup.tar.gz");
const created: Database[] = [];

type Run = { code: number; stdout: string; stderr: string };
function run(
  script: "backup" | "restore",
  args: string[],
  env: { DATABASE_URL: string; UPLOAD_DIR: string } & Record<string, string>,
) {
  return new Promise<Run>((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", path.join(root, "scripts", `${script}.ts`), ...args],
      { cwd: root, env: { ...process.env, ...env, DATA_DIR: path.join(tmp, "data") }, encoding: "utf8" },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function emptyDatabase(migrated = false): Promise<string> {
  const db = await createDatabase(
    process.env.CRM_TEST_SERVER_URL!,
    `crm_restore_${crypto.randomBytes(4).toString("hex")}`,
    migrated ? { template: process.env.CRM_TEST_TEMPLATE! } : undefined,
  );
  created.push(db);
  return db.url;
}

async function onDb<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client(url);
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Per table of the app's schema: row count and md5 of all rows in a fixed order; sequences' values. */
function fingerprint(url: string) {
  return onDb(url, async (c) => {
    const tables = await c.query<{ name: string }>(
      `select tablename as name from pg_tables where schemaname = 'public' order by 1`,
    );
    const out: Record<string, string> = {};
    for (const { name } of tables.rows) {
      const r = await c.query<{ n: string; md5: string }>(
        `select count(*)::text as n, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as md5 from "${name}" t`,
      );
      out[name] = `${r.rows[0].n} ${r.rows[0].md5}`;
    }
    const seqs = await c.query<{ name: string }>(
      `select sequencename as name from pg_sequences where schemaname = 'public'`,
    );
    for (const { name } of seqs.rows) {
      const r = await c.query<{ v: string; called: boolean }>(
        `select last_value::text as v, is_called as called from "${name}"`,
      );
      out[`sequence ${name}`] = `${r.rows[0].v} ${r.rows[0].called}`;
    }
    return out;
  });
}

const tableCount = (url: string) =>
  onDb(url, async (c) =>
    Number((await c.query(`select count(*) from pg_tables where schemaname = 'public'`)).rows[0].count),
  );

function fileHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else
        out[r] = crypto
          .createHash("sha256")
          .update(fs.readFileSync(path.join(dir, r)))
          .digest("hex");
    }
  };
  if (fs.existsSync(dir)) walk("");
  return out;
}

const newDir = (name: string) => fs.mkdtempSync(path.join(tmp, `${name}-`));

beforeAll(async () => {
  await useSeededDatabase();
  const db = getDb();
  // Attachments through the real upload code, into this file's own upload directory.
  process.env.UPLOAD_DIR = sourceUploads;
  const projects = await db.project.findMany({
    orderBy: { code: "asc" },
    take: 2,
    select: { id: true, owner: { include: { department: true } } },
  });
  const everyByte = new Uint8Array(4096).map((_, i) => (i * 7) % 256);
  const files = [
    {
      project: 0,
      name: "投资协议.pdf",
      type: "application/pdf",
      bytes: new TextEncoder().encode("%PDF-1.4 投资协议 签字页"),
    },
    { project: 0, name: "现场照片.png", type: "image/png", bytes: everyByte },
    { project: 1, name: "会议纪要.txt", type: "text/plain", bytes: new TextEncoder().encode("纪要\r\n第二行\n") },
  ];
  for (const f of files)
    await uploadAttachment({
      actor: toActor(projects[f.project].owner),
      projectId: projects[f.project].id,
      file: { name: f.name, type: f.type, bytes: f.bytes },
      input: { category: "DOCUMENT" },
    });
  // Values a JSON round trip could blur: JSON null beside SQL NULL, a JSON string, quotes and line breaks.
  await db.$executeRawUnsafe(
    `insert into audit_logs ("entityType", "entityId", action, before, after) values
     ('Test', 'json-null', 'test', 'null'::jsonb, null), ('Test', 'json-string', 'test', '"文本"'::jsonb, '[null, {"a": "\\u0001"}]'::jsonb),
     ('Test', 'text', 'te\"st' || chr(13) || chr(10) || chr(8232), '{}'::jsonb, '1.50'::jsonb)`,
  );
});

afterAll(async () => {
  for (const db of created) await db.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("npm run db:backup / db:restore", () => {
  let restoredUrl = "";
  let restoredUploads = "";

  it("names a default archive by the Shanghai time", () => {
    expect(defaultBackupName(new Date("2026-11-27T16:30:05Z"))).toBe("crm-20261128-003005.tar.gz");
  });

  it("backs up the seeded database with its attachments and restores them equal, row for row and file for file", async () => {
    const source = process.env.DATABASE_URL!;
    const sourceFiles = fileHashes(sourceUploads);
    expect(Object.keys(sourceFiles)).toHaveLength(3);

    const t0 = Date.now();
    const backup = await run("backup", [archive], { DATABASE_URL: source, UPLOAD_DIR: sourceUploads });
    expect(backup).toMatchObject({ code: 0 });
    expect(backup.stdout).toContain("附件: 3 个文件");
    const members = execFileSync("tar", ["-tzf", archive], { encoding: "utf8" }).split("\n");
    expect(members).toContain("manifest.json");
    expect(members).toContain("database/projects.jsonl");
    for (const key of Object.keys(sourceFiles)) expect(members).toContain(`uploads/${key}`);
    const manifest = JSON.parse(execFileSync("tar", ["-xzOf", archive, "manifest.json"], { encoding: "utf8" }));
    expect(manifest.tables.find((t: { name: string }) => t.name === "projects").rows).toBe(
      await getDb().project.count(),
    );
    expect(manifest.files.map((f: { key: string; sha256: string }) => [f.key, f.sha256])).toEqual(
      Object.entries(sourceFiles).sort(),
    );
    const tBackup = Date.now() - t0;

    restoredUrl = await emptyDatabase();
    restoredUploads = path.join(tmp, "uploads-restored");
    const t1 = Date.now();
    const restore = await run("restore", [archive], { DATABASE_URL: restoredUrl, UPLOAD_DIR: restoredUploads });
    expect(restore).toMatchObject({ code: 0 });
    expect(restore.stdout).toContain("恢复完成");
    const tRestore = Date.now() - t1;

    const [before, after] = await Promise.all([fingerprint(source), fingerprint(restoredUrl)]);
    expect(Object.keys(before).length).toBeGreaterThan(40);
    expect(after).toEqual(before);
    expect(fileHashes(restoredUploads)).toEqual(sourceFiles);
    console.log(`backup ${tBackup} ms, restore ${tRestore} ms, ${Object.keys(before).length} tables and sequences`);
  });

  it("refuses a database that holds rows, and an upload directory that holds files, changing nothing", async () => {
    expect(restoredUrl).not.toBe("");
    const before = await fingerprint(restoredUrl);
    const emptyUploads = newDir("uploads-empty");
    const intoFull = await run("restore", [archive], { DATABASE_URL: restoredUrl, UPLOAD_DIR: emptyUploads });
    expect(intoFull.code).not.toBe(0);
    expect(intoFull.stderr).toContain("the database is not empty");
    expect(await fingerprint(restoredUrl)).toEqual(before);
    expect(fileHashes(emptyUploads)).toEqual({});

    const empty = await emptyDatabase();
    const filesBefore = fileHashes(restoredUploads);
    const intoFullDir = await run("restore", [archive], { DATABASE_URL: empty, UPLOAD_DIR: restoredUploads });
    expect(intoFullDir.code).not.toBe(0);
    expect(intoFullDir.stderr).toContain("is not empty (3 files)");
    expect(await tableCount(empty)).toBe(0);
    expect(fileHashes(restoredUploads)).toEqual(filesBefore);
  });

  it("refuses an archive in which one byte of a file or of a table was changed, by its checksum", async () => {
    const key = Object.keys(fileHashes(sourceUploads))[1];
    for (const member of [`uploads/${key}`, "database/projects.jsonl"]) {
      const unpacked = newDir("unpacked");
      execFileSync("tar", ["-xzf", archive, "-C", unpacked]);
      const file = path.join(unpacked, member);
      const bytes = fs.readFileSync(file);
      bytes[Math.floor(bytes.length / 2)] ^= 0x01;
      fs.writeFileSync(file, bytes);
      const corrupted = path.join(tmp, `corrupted-${crypto.randomBytes(3).toString("hex")}.tar.gz`);
      execFileSync("tar", ["-czf", corrupted, "-C", unpacked, "."]);
      const empty = await emptyDatabase();
      const uploads = newDir("uploads-corrupted");
      const r = await run("restore", [corrupted], { DATABASE_URL: empty, UPLOAD_DIR: uploads });
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain(`${member}: checksum mismatch`);
      expect(await tableCount(empty)).toBe(0);
      expect(fileHashes(uploads)).toEqual({});
    }
  });

  it("backs up the files of an S3 bucket and restores them into an empty bucket, refusing a bucket that holds files", async () => {
    const s3 = await startLocalS3(["crm-source", "crm-restored"]);
    try {
      const sourceFiles = fileHashes(sourceUploads);
      // The bucket holds the files the seeded rows name, as the app with S3 set would have stored them.
      const bucket = fileStoreFor(fileStorageEnv(s3.env("crm-source")));
      expect(bucket.kind).toBe("s3");
      for (const key of Object.keys(sourceFiles))
        await bucket.put(key, fs.readFileSync(path.join(sourceUploads, ...key.split("/"))));
      const emptyDir = newDir("uploads-unused");

      const s3Archive = path.join(tmp, "out", "backup-s3.tar.gz");
      const backup = await run("backup", [s3Archive], {
        DATABASE_URL: process.env.DATABASE_URL!,
        UPLOAD_DIR: emptyDir,
        ...s3.env("crm-source"),
      });
      expect(backup).toMatchObject({ code: 0 });
      expect(backup.stdout).toContain("附件: 3 个文件");
      const manifest = JSON.parse(execFileSync("tar", ["-xzOf", s3Archive, "manifest.json"], { encoding: "utf8" }));
      expect(manifest.files.map((f: { key: string; sha256: string }) => [f.key, f.sha256])).toEqual(
        Object.entries(sourceFiles).sort(),
      );

      // Restored in-process into a migrated empty database (the commands' own restore is tested above).
      const target = await emptyDatabase(true);
      const restored = fileStoreFor(fileStorageEnv(s3.env("crm-restored")));
      await restoreBackup({ url: target, store: restored, file: s3Archive, migrate: async () => {} });
      expect(await s3.keys("crm-restored")).toEqual(Object.keys(sourceFiles).sort());
      const hashes: Record<string, string> = {};
      for (const key of Object.keys(sourceFiles)) {
        const hash = crypto.createHash("sha256");
        for await (const chunk of (await restored.get(key))!) hash.update(chunk as Buffer);
        hashes[key] = hash.digest("hex");
      }
      expect(hashes).toEqual(sourceFiles);
      expect(await fingerprint(target)).toEqual(await fingerprint(process.env.DATABASE_URL!));
      expect(fileHashes(emptyDir)).toEqual({});

      // Into the bucket that now holds the files: refused, nothing written.
      const empty = await emptyDatabase();
      const refused = await run("restore", [s3Archive], {
        DATABASE_URL: empty,
        UPLOAD_DIR: emptyDir,
        ...s3.env("crm-restored"),
      });
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain(`the bucket s3 ${s3.endpoint}/crm-restored is not empty (3 files)`);
      expect(await tableCount(empty)).toBe(0);
    } finally {
      await s3.stop();
    }
  });
});
