// The file store (lib/attachments/file-store.ts) behaves the same on the upload directory
// and on an S3-compatible bucket (a local s3rver started here); an import runs through the
// bucket: its upload is an object there, the job reads a temporary copy, the commit and the
// retention days remove it, and nothing lands in the upload directory.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { GET as errorsRoute } from "../../app/api/v1/imports/[id]/errors/route";
import { localFileStore, type FileStore } from "../../lib/attachments/file-store";
import { s3FileStore } from "../../lib/attachments/s3-file-store";
import { getDb } from "../../lib/db";
import { apiRequest, createIndustry, createUser, routeParams, sessionCookie } from "../factories";
import { commit, dryRun, xlsx } from "../support/imports";
import { startLocalS3, useFileStore, type LocalS3 } from "../support/s3";

let s3: LocalS3;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "crm-file-store-test-"));

beforeAll(async () => {
  s3 = await startLocalS3(["contract", "imports"]);
});

afterAll(async () => {
  await s3.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const text = async (r: Readable | null) => {
  const chunks: Buffer[] = [];
  for await (const c of r!) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString();
};

describe.each(["local", "s3"] as const)("the %s file store", (kind) => {
  let store: FileStore;
  beforeAll(() => {
    const e = s3.env("contract");
    store =
      kind === "s3"
        ? s3FileStore({
            endpoint: e.S3_ENDPOINT,
            bucket: e.S3_BUCKET,
            accessKeyId: e.S3_ACCESS_KEY_ID,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY,
            region: e.S3_REGION,
            forcePathStyle: true,
          })
        : localFileStore(path.join(tmp, "local"));
  });

  it("puts a buffer or a stream of a given size, lists keys sorted (a folder's alone), states sizes, reads, deletes", async () => {
    expect(store.kind).toBe(kind);
    expect(await store.list()).toEqual([]);
    await store.put("p1/b.txt", new TextEncoder().encode("第二个"));
    const streamed = Buffer.from("流".repeat(50_000));
    await store.put("p1/a.txt", Readable.from([streamed.subarray(0, 1000), streamed.subarray(1000)]), streamed.length);
    await store.put("imports/x.csv", new TextEncoder().encode("a,b\n"));
    expect((await store.list()).map((f) => f.key)).toEqual(["imports/x.csv", "p1/a.txt", "p1/b.txt"]);
    expect((await store.list("imports/")).map((f) => [f.key, f.size])).toEqual([["imports/x.csv", 4]]);
    expect(await store.list("nothing/")).toEqual([]);
    const stat = await store.stat("p1/a.txt");
    expect(stat).toMatchObject({ key: "p1/a.txt", size: streamed.length });
    expect(Math.abs(stat!.modified.getTime() - Date.now())).toBeLessThan(60_000);
    expect(await text(await store.get("p1/a.txt"))).toBe(streamed.toString());
    expect(await text(await store.get("p1/b.txt"))).toBe("第二个");
    expect(await store.get("p1/none.txt")).toBeNull();
    expect(await store.stat("p1/none.txt")).toBeNull();
    await store.delete("p1/a.txt");
    await store.delete("p1/a.txt");
    expect((await store.list()).map((f) => f.key)).toEqual(["imports/x.csv", "p1/b.txt"]);
    for (const key of ["../etc/passwd", "/abs", "p1//b", "p1\\b", ""])
      await expect(store.put(key, new Uint8Array([1]))).rejects.toThrow("not a file key");
    await expect(store.list("p1")).rejects.toThrow("not a folder");
    if (kind === "s3")
      await expect(store.put("p1/c.txt", Readable.from([Buffer.from("x")]))).rejects.toThrow("the size of p1/c.txt");
  });
});

describe("an import through the S3 file store", () => {
  let restore = () => {};
  let industry: string;
  let cookie: string;
  beforeAll(async () => {
    restore = useFileStore(s3.env("imports"));
    industry = (await createIndustry()).name;
    cookie = await sessionCookie(await createUser({ role: "STAFF" }));
  });
  afterAll(() => restore());

  const uploadsImports = () => fs.readdirSync(path.join(process.env.UPLOAD_DIR!, "imports"), { withFileTypes: true });
  const copiesLeft = () => fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith("crm-file-"));

  it("stores the upload in the bucket, dry-runs and commits it from there, then removes it; nothing in UPLOAD_DIR", async () => {
    const localBefore = fs.existsSync(path.join(process.env.UPLOAD_DIR!, "imports")) ? uploadsImports().length : 0;
    const copiesBefore = copiesLeft();
    const file = await xlsx([
      ["项目编号", "项目名称", "投资企业", "产业", "总投资（万元）"],
      ["S3-1", "云存储项目一", "云存储一有限公司", industry, "10"],
      ["S3-2", "云存储项目二", "云存储二有限公司", industry, "-5"],
      ["S3-3", "云存储项目三", "云存储三有限公司", industry, "3.5亿"],
    ]);
    const dry = await dryRun(cookie, file);
    expect(dry).toMatchObject({ status: "DONE", total: 3, created: 2, failed: 1 });
    const job = await getDb().importJob.findUniqueOrThrow({ where: { id: dry.id } });
    expect(job.storagePath).toMatch(/^imports\/[0-9a-f-]{36}\.xlsx$/);
    expect(await s3.keys("imports")).toEqual([job.storagePath]);

    // The errors workbook reads the file from the bucket too.
    const errors = await errorsRoute(
      apiRequest(`/api/v1/imports/${dry.id}/errors`, { cookie }),
      routeParams({
        id: dry.id,
      }) as never,
    );
    expect(errors.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await errors.arrayBuffer()) as never);
    expect(wb.worksheets[0].getRow(2).getCell(1).value).toBe("S3-2");

    const { job: done } = await commit(cookie, dry.id, { skipErrors: true });
    expect(done).toMatchObject({ status: "DONE", created: 2, failed: 1 });
    expect(await getDb().project.count({ where: { code: { startsWith: "S3-" } } })).toBe(2);
    expect(await s3.keys("imports")).toEqual([]);
    const localAfter = fs.existsSync(path.join(process.env.UPLOAD_DIR!, "imports")) ? uploadsImports().length : 0;
    expect(localAfter).toBe(localBefore);
    expect(copiesLeft().filter((n) => !copiesBefore.includes(n))).toEqual([]);
  });

  it("removes a bucket's import file past IMPORT_RETENTION_DAYS when an import starts", async () => {
    const file = await xlsx([
      ["项目编号", "项目名称", "投资企业", "产业", "总投资（万元）"],
      ["S3-9", "云存储项目九", "云存储九有限公司", industry, "10"],
    ]);
    const first = await dryRun(cookie, file);
    const kept = (await getDb().importJob.findUniqueOrThrow({ where: { id: first.id } })).storagePath;
    expect(await s3.keys("imports")).toEqual([kept]);
    const retention = process.env.IMPORT_RETENTION_DAYS;
    process.env.IMPORT_RETENTION_DAYS = String(1 / 86_400); // one second
    try {
      await new Promise((r) => setTimeout(r, 1200));
      const other = await sessionCookie(await createUser({ role: "STAFF" }));
      const second = await dryRun(other, file);
      const newer = (await getDb().importJob.findUniqueOrThrow({ where: { id: second.id } })).storagePath;
      expect(await s3.keys("imports")).toEqual([newer]);
    } finally {
      if (retention === undefined) delete process.env.IMPORT_RETENTION_DAYS;
      else process.env.IMPORT_RETENTION_DAYS = retention;
    }
  });
});
