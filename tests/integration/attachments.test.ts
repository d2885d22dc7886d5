// The same attachment suite against each file store: the upload directory (the default)
// and an S3-compatible bucket (a local s3rver started here, on a free port).
import fs from "node:fs";
import path from "node:path";
import { POST as uploadRoute, GET as listRoute } from "../../app/api/v1/projects/[id]/attachments/route";
import { GET as downloadRoute } from "../../app/api/v1/attachments/[id]/route";
import { appFileStore } from "../../lib/attachments/store";
import { getDb } from "../../lib/db";
import { createProject, createUser, routeParams, sessionCookie } from "../factories";
import { startLocalS3, useFileStore, type LocalS3 } from "../support/s3";

function upload(projectId: string, cookie: string, file: File | null, category?: string) {
  const form = new FormData();
  if (file) form.set("file", file);
  if (category) form.set("category", category);
  return uploadRoute(
    new Request(`http://localhost/api/v1/projects/${projectId}/attachments`, {
      method: "POST",
      headers: { cookie, origin: "http://localhost" },
      body: form,
    }),
    routeParams({ id: projectId }),
  );
}

describe.each(["local", "s3"] as const)("attachments (%s file store)", (store) => {
  let s3: LocalS3 | undefined;
  let restore = () => {};
  beforeAll(async () => {
    if (store === "s3") s3 = await startLocalS3();
    restore = useFileStore(s3 ? s3.env() : null);
  });
  afterAll(async () => {
    restore();
    await s3?.stop();
  });

  /** The keys the store holds, read beside the app: the bucket's objects, or the upload directory's files. */
  const stored = async (): Promise<string[]> => {
    if (s3) return s3.keys();
    const dir = process.env.UPLOAD_DIR!;
    return fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
      .sort();
  };
  const download = (id: string, cookie: string) =>
    downloadRoute(
      new Request(`http://localhost/api/v1/attachments/${id}`, { headers: { cookie } }),
      routeParams({ id }),
    );

  it("the owner uploads a signed agreement; whoever reads the project's work downloads the same bytes, an approver gets 404", async () => {
    const owner = await createUser({ role: "STAFF" });
    const p = await createProject({ ownerId: owner.id });
    const content = "%PDF-1.4 投资协议";
    const res = await upload(
      p.id,
      await sessionCookie(owner),
      new File([content], "投资协议.pdf", { type: "application/pdf" }),
      "AGREEMENT",
    );
    expect(res.status).toBe(201);
    const { id } = await res.json();
    const readerCookie = await sessionCookie(await createUser({ role: "ADMIN" }));
    const list = await (
      await listRoute(
        new Request(`http://localhost/api/v1/projects/${p.id}/attachments`, { headers: { cookie: readerCookie } }),
        routeParams({ id: p.id }),
      )
    ).json();
    expect(list.items).toEqual([expect.objectContaining({ id, fileName: "投资协议.pdf", category: "AGREEMENT" })]);
    const approverCookie = await sessionCookie(await createUser({ role: "APPROVER" }));
    expect((await download(id, approverCookie)).status).toBe(404);
    const dl = await download(id, readerCookie);
    expect(dl.status).toBe(200);
    expect(dl.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await dl.arrayBuffer()).toString()).toBe(content);
    expect(await getDb().auditLog.count({ where: { entityId: p.id, action: "attachment:add" } })).toBe(1);
  });

  it("refuses other staff (403), forbidden types and empty files (400), writing nothing", async () => {
    const owner = await createUser({ role: "STAFF" });
    const p = await createProject({ ownerId: owner.id });
    const other = await upload(
      p.id,
      await sessionCookie(await createUser({ role: "STAFF" })),
      new File(["x"], "a.pdf", { type: "application/pdf" }),
    );
    expect(other.status).toBe(403);
    const cookie = await sessionCookie(owner);
    const exe = await upload(p.id, cookie, new File(["MZ"], "setup.exe", { type: "application/octet-stream" }));
    expect(exe.status).toBe(400);
    expect((await exe.json()).error.fields.file).toContain("不支持的文件类型");
    const disguised = await upload(p.id, cookie, new File(["<html>"], "a.pdf", { type: "text/html" }));
    expect(disguised.status).toBe(400);
    const empty = await upload(p.id, cookie, new File([], "a.pdf", { type: "application/pdf" }));
    expect(empty.status).toBe(400);
    const none = await upload(p.id, cookie, null);
    expect(none.status).toBe(400);
    expect(await getDb().attachment.count({ where: { projectId: p.id } })).toBe(0);
    expect((await stored()).filter((k) => k.startsWith(`${p.id}/`))).toEqual([]);
  });

  it("refuses files over the size limit", async () => {
    const owner = await createUser({ role: "STAFF" });
    const p = await createProject({ ownerId: owner.id });
    const limit = process.env.MAX_UPLOAD_MB;
    process.env.MAX_UPLOAD_MB = "0.001";
    try {
      const big = await upload(
        p.id,
        await sessionCookie(owner),
        new File([new Uint8Array(4096).fill(65)], "big.txt", { type: "text/plain" }),
      );
      expect(big.status).toBe(400);
      expect((await big.json()).error.fields.file).toBe("文件超过大小上限（0.001 MB）");
    } finally {
      if (limit === undefined) delete process.env.MAX_UPLOAD_MB;
      else process.env.MAX_UPLOAD_MB = limit;
    }
  });

  it("keeps the file in this store as <project>/<random name>, streams it back whole, and answers 404 once it is gone", async () => {
    const owner = await createUser({ role: "STAFF" });
    const p = await createProject({ ownerId: owner.id });
    const cookie = await sessionCookie(owner);
    // Larger than one stream chunk, every byte value.
    const bytes = new Uint8Array(300_000).map((_, i) => (i * 31 + (i >> 8)) % 256);
    const res = await upload(p.id, cookie, new File([bytes], "现场照片.png", { type: "image/png" }), "DOCUMENT");
    expect(res.status).toBe(201);
    const { id } = await res.json();
    const row = await getDb().attachment.findUniqueOrThrow({ where: { id } });
    expect(row.storagePath).toMatch(new RegExp(`^${p.id}/[0-9a-f-]{36}\\.png$`));
    expect(await stored()).toContain(row.storagePath);
    if (s3) expect(fs.existsSync(path.join(process.env.UPLOAD_DIR!, row.storagePath))).toBe(false);

    const dl = await download(id, cookie);
    expect(dl.status).toBe(200);
    expect(dl.headers.get("content-disposition")).toContain("filename*=UTF-8''%E7%8E%B0");
    expect(Buffer.from(await dl.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);

    // The file removed from the store behind the app's back: the row stays, the download is 404.
    await appFileStore().delete(row.storagePath);
    expect(await stored()).not.toContain(row.storagePath);
    expect((await download(id, cookie)).status).toBe(404);
  });
});
