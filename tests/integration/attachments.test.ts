import { POST as uploadRoute, GET as listRoute } from "../../app/api/v1/projects/[id]/attachments/route";
import { GET as downloadRoute } from "../../app/api/v1/attachments/[id]/route";
import { getDb } from "../../lib/db";
import { createProject, createUser, routeParams, sessionCookie } from "../factories";

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

describe("attachments", () => {
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
    const download = (cookie: string) =>
      downloadRoute(
        new Request(`http://localhost/api/v1/attachments/${id}`, { headers: { cookie } }),
        routeParams({ id }),
      );
    const approverCookie = await sessionCookie(await createUser({ role: "APPROVER" }));
    expect((await download(approverCookie)).status).toBe(404);
    const dl = await download(readerCookie);
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
});
