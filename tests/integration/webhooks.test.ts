// Group robots: notify() queues one message per matching webhook in the caller's
// transaction; deliverPendingWebhooks sends them to a receiver this test runs on 127.0.0.1
// (企业微信 body, 钉钉 加签), retries an unreachable one with back-off until FAILED, and never
// sends one message twice, even with two workers at once. The admin API around them.
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { GET as listRoute, POST as createRoute } from "../../app/api/v1/webhooks/route";
import { DELETE as deleteRoute, PATCH as patchRoute } from "../../app/api/v1/webhooks/[id]/route";
import { GET as deliveriesRoute } from "../../app/api/v1/webhooks/[id]/deliveries/route";
import { POST as testRoute } from "../../app/api/v1/webhooks/[id]/test/route";
import { describeAuditEntry } from "../../lib/audit/describe";
import { getDb } from "../../lib/db";
import { deliverPendingWebhooks } from "../../lib/notifications/deliver-webhooks";
import { notify } from "../../lib/notifications/notify";
import { callRoute, createDepartment, createProject, createUser, sessionCookie } from "../factories";

type Received = { url: string; body: Record<string, unknown> };

/** A robot endpoint: answers like 企业微信/钉钉 (`{"errcode":0}`), optionally after a delay. */
async function startReceiver(opts: { delayMs?: number; answer?: (url: string) => [number, object] } = {}) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let data = "";
    req.on("data", (c) => (data += c));
    req.on("end", () => {
      received.push({ url: req.url ?? "", body: JSON.parse(data) });
      const [status, answer] = opts.answer?.(req.url ?? "") ?? [200, { errcode: 0, errmsg: "ok" }];
      setTimeout(() => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(answer));
      }, opts.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const webhook = (data: {
  name?: string;
  kind?: "WECOM" | "DINGTALK";
  url: string;
  secret?: string | null;
  departmentId?: string | null;
  events?: string[];
  active?: boolean;
}) => getDb().webhook.create({ data: { name: data.name ?? "机器人", kind: data.kind ?? "WECOM", ...data } });

const deliveriesOf = (webhookId: string) =>
  getDb().webhookDelivery.findMany({ where: { webhookId }, orderBy: { createdAt: "asc" } });

// Each test's robots only: a delivery run sends whatever is due on any active robot.
afterEach(() => getDb().webhook.updateMany({ data: { active: false } }));

describe("notify() and the robots' outbox", () => {
  it("queues one delivery per matching webhook, not per user, and none for another unit or kind", async () => {
    const unitA = await createDepartment();
    const unitB = await createDepartment();
    const users = [
      await createUser({ departmentId: unitA.id }),
      await createUser({ departmentId: unitA.id }),
      await createUser({ departmentId: null }),
    ];
    const url = "http://127.0.0.1:9/robot";
    const bureau = await webhook({ url });
    const ofA = await webhook({ url, departmentId: unitA.id, events: ["warningRed", "noticeIssued"] });
    const ofB = await webhook({ url, departmentId: unitB.id });
    const otherKind = await webhook({ url, departmentId: unitA.id, events: ["noticeIssued"] });
    const inactive = await webhook({ url, active: false });

    await getDb().$transaction((tx) =>
      notify(tx, {
        userIds: users.map((u) => u.id),
        kind: "warningRed",
        params: { projectName: "润辉生物泰美太海洋多肽项目" },
        dedupeKey: "red:p1:2026-11-27",
      }),
    );
    expect(await getDb().notification.count({ where: { dedupeKey: "red:p1:2026-11-27" } })).toBe(3);
    const counts = async () =>
      Promise.all([bureau, ofA, ofB, otherKind, inactive].map(async (w) => (await deliveriesOf(w.id)).length));
    expect(await counts()).toEqual([1, 1, 0, 0, 0]);

    // The same event again (a job run twice): nothing more, in the inbox or for the robots.
    await getDb().$transaction((tx) =>
      notify(tx, { userIds: users.map((u) => u.id), kind: "warningRed", dedupeKey: "red:p1:2026-11-27" }),
    );
    expect(await counts()).toEqual([1, 1, 0, 0, 0]);
    const [d] = await deliveriesOf(bureau.id);
    expect(d).toMatchObject({ kind: "warningRed", status: "PENDING", attempts: 0 });
  });

  it("sends the 企业微信 markdown of a warningRed event to the receiver", async () => {
    const receiver = await startReceiver();
    const saved = process.env.NEXTAUTH_URL;
    try {
      const hook = await webhook({ url: `${receiver.base}/cgi-bin/webhook/send?key=abc-123` });
      const leader = await createUser({ role: "LEADER" });
      const project = await createProject({ name: "科莱福光电光刻胶材料项目", leaderId: leader.id });
      process.env.NEXTAUTH_URL = "https://crm.example.gov.cn";
      await getDb().$transaction((tx) =>
        notify(tx, {
          userIds: [leader.id],
          kind: "warningRed",
          params: { points: 34 },
          href: `/projects/${project.id}?tab=supervision`,
          entity: { type: "Project", id: project.id },
        }),
      );
      process.env.NEXTAUTH_URL = saved;

      expect(await deliverPendingWebhooks()).toEqual({ sent: 1, failed: 0, retrying: 0 });
      expect(receiver.received).toHaveLength(1);
      const { url, body } = receiver.received[0];
      expect(url).toBe("/cgi-bin/webhook/send?key=abc-123");
      expect(Object.keys(body).sort()).toEqual(["markdown", "msgtype"]);
      expect(body.msgtype).toBe("markdown");
      const content = (body.markdown as { content: string }).content;
      expect(Object.keys(body.markdown as object)).toEqual(["content"]);
      expect(content).toMatch(/^\*\*.+\*\*\n/);
      expect(content).toContain(
        `[科莱福光电光刻胶材料项目](https://crm.example.gov.cn/projects/${project.id}?tab=supervision)`,
      );
      expect(content).toContain(project.code);
      expect(content).toContain("34");
      expect(content).not.toMatch(/warningRed|\{|\}/);

      const [d] = await deliveriesOf(hook.id);
      expect(d).toMatchObject({ status: "SENT", attempts: 1, responseStatus: 200, lastError: null });
      expect(d.sentAt).toBeInstanceOf(Date);
      // Nothing is left to send.
      expect(await deliverPendingWebhooks()).toEqual({ sent: 0, failed: 0, retrying: 0 });
    } finally {
      process.env.NEXTAUTH_URL = saved;
      await receiver.close();
    }
  });

  it("signs 钉钉 messages: timestamp and base64(HMAC-SHA256(secret, timestamp + \\n + secret)), URL-encoded", async () => {
    const receiver = await startReceiver();
    try {
      const secret = "SECb1f0c3e7d2a94e8f+/=example";
      await webhook({ kind: "DINGTALK", url: `${receiver.base}/robot/send?access_token=tok`, secret });
      const user = await createUser();
      await getDb().$transaction((tx) =>
        notify(tx, { userIds: [user.id], kind: "noticeIssued", params: { projectName: "中硼科技碳化硼项目" } }),
      );
      const before = Date.now();
      expect((await deliverPendingWebhooks()).sent).toBe(1);
      const { url, body } = receiver.received[0];
      const u = new URL(url, receiver.base);
      expect(u.pathname).toBe("/robot/send");
      expect(u.searchParams.get("access_token")).toBe("tok");
      const timestamp = Number(u.searchParams.get("timestamp"));
      expect(timestamp).toBeGreaterThanOrEqual(before - 1000);
      expect(timestamp).toBeLessThanOrEqual(Date.now());
      const expected = crypto.createHmac("sha256", secret).update(`${timestamp}\n${secret}`).digest("base64");
      expect(u.searchParams.get("sign")).toBe(expected);
      // The raw query carries the signature URL-encoded (+, / and = escaped).
      expect(url).toContain(`sign=${encodeURIComponent(expected)}`);
      expect(body.msgtype).toBe("markdown");
      const md = body.markdown as { title: string; text: string };
      expect(md.title).toEqual(expect.any(String));
      expect(md.text).toContain("中硼科技碳化硼项目");
      expect(md.text.startsWith(`**${md.title}`)).toBe(true);
    } finally {
      await receiver.close();
    }
  });

  it("an unreachable robot: the change is committed, the message retried with back-off, then FAILED", async () => {
    const saved = process.env.WEBHOOK_MAX_ATTEMPTS;
    process.env.WEBHOOK_MAX_ATTEMPTS = "3";
    try {
      // Port 9 (discard) on 127.0.0.1: nothing listens, the connection is refused at once.
      const hook = await webhook({ url: "http://127.0.0.1:9/cgi-bin/webhook/send?key=x" });
      const user = await createUser();
      const project = await createProject();
      await getDb().$transaction(async (tx) => {
        await tx.project.update({ where: { id: project.id }, data: { keyProject: true } });
        await notify(tx, { userIds: [user.id], kind: "warningRed", entity: { type: "Project", id: project.id } });
      });
      // The change and the inbox entry are there whatever the robot does.
      expect((await getDb().project.findUniqueOrThrow({ where: { id: project.id } })).keyProject).toBe(true);
      expect(await getDb().notification.count({ where: { userId: user.id } })).toBe(1);

      const t0 = Date.now();
      const at = (seconds: number) => ({ now: new Date(t0 + seconds * 1000) });
      expect(await deliverPendingWebhooks(at(0))).toEqual({ sent: 0, failed: 0, retrying: 1 });
      let [d] = await deliveriesOf(hook.id);
      expect(d).toMatchObject({ status: "PENDING", attempts: 1, responseStatus: null });
      expect(d.lastError).toMatch(/ECONNREFUSED|fetch failed/);
      expect(d.nextAttemptAt.getTime()).toBe(t0 + 60_000);
      // Not due before its back-off has passed.
      expect(await deliverPendingWebhooks(at(30))).toEqual({ sent: 0, failed: 0, retrying: 0 });
      expect(await deliverPendingWebhooks(at(61))).toEqual({ sent: 0, failed: 0, retrying: 1 });
      [d] = await deliveriesOf(hook.id);
      // Twice as long the second time.
      expect(d.nextAttemptAt.getTime()).toBe(t0 + 61_000 + 120_000);
      expect(await deliverPendingWebhooks(at(61 + 119))).toEqual({ sent: 0, failed: 0, retrying: 0 });
      expect(await deliverPendingWebhooks(at(61 + 121))).toEqual({ sent: 0, failed: 1, retrying: 0 });
      [d] = await deliveriesOf(hook.id);
      expect(d).toMatchObject({ status: "FAILED", attempts: 3, sentAt: null });
      expect(await deliverPendingWebhooks(at(10_000))).toEqual({ sent: 0, failed: 0, retrying: 0 });
    } finally {
      if (saved === undefined) delete process.env.WEBHOOK_MAX_ATTEMPTS;
      else process.env.WEBHOOK_MAX_ATTEMPTS = saved;
    }
  });

  it("an error answer (HTTP 500, or 200 with an errcode) is a failed attempt with its reason", async () => {
    const receiver = await startReceiver({
      answer: (url) =>
        url.includes("500") ? [500, { error: "busy" }] : [200, { errcode: 93000, errmsg: "invalid webhook url" }],
    });
    try {
      const a = await webhook({ url: `${receiver.base}/500` });
      const b = await webhook({ url: `${receiver.base}/errcode` });
      const user = await createUser();
      await getDb().$transaction((tx) => notify(tx, { userIds: [user.id], kind: "noticeOverdue" }));
      expect(await deliverPendingWebhooks()).toEqual({ sent: 0, failed: 0, retrying: 2 });
      const [da] = await deliveriesOf(a.id);
      const [db] = await deliveriesOf(b.id);
      expect(da).toMatchObject({ status: "PENDING", responseStatus: 500 });
      expect(da.lastError).toContain("HTTP 500");
      expect(db).toMatchObject({
        status: "PENDING",
        responseStatus: 200,
        lastError: "errcode 93000 invalid webhook url",
      });
    } finally {
      await receiver.close();
    }
  });

  it("two workers at once send each message exactly once", async () => {
    const receiver = await startReceiver({ delayMs: 30 });
    try {
      await webhook({ url: `${receiver.base}/send?key=k` });
      const user = await createUser();
      await getDb().$transaction(async (tx) => {
        for (let i = 0; i < 12; i++)
          await notify(tx, { userIds: [user.id], kind: "noticeIssued", params: { projectName: `并发项目${i}` } });
      });
      const [one, two] = await Promise.all([deliverPendingWebhooks(), deliverPendingWebhooks()]);
      expect(one.sent + two.sent).toBe(12);
      expect(receiver.received).toHaveLength(12);
      const names = receiver.received.map(
        (r) => /并发项目\d+/.exec((r.body.markdown as { content: string }).content)?.[0],
      );
      expect(new Set(names).size).toBe(12);
      expect(await getDb().webhookDelivery.count({ where: { status: "SENT", attempts: { gt: 1 } } })).toBe(0);
    } finally {
      await receiver.close();
    }
  });
});

describe("the webhooks API", () => {
  it("is for admins only: another role gets 403 and changes nothing", async () => {
    for (const role of ["MANAGER", "STAFF", "LEADER"] as const) {
      const cookie = await sessionCookie(await createUser({ role }));
      const created = await callRoute(createRoute, "/api/v1/webhooks", {
        method: "POST",
        cookie,
        body: { name: "越权", kind: "WECOM", url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x" },
      });
      expect([role, created.status]).toEqual([role, 403]);
      expect((await callRoute(listRoute, "/api/v1/webhooks", { cookie })).status).toBe(403);
    }
    expect(await getDb().webhook.count({ where: { name: "越权" } })).toBe(0);
  });

  it("refuses a URL that is not http or https at the url field (400)", async () => {
    const cookie = await sessionCookie(await createUser({ role: "ADMIN" }));
    for (const url of ["ftp://robot.example.com/send", "javascript:alert(1)", "qyapi.weixin.qq.com/send", ""]) {
      const res = await callRoute(createRoute, "/api/v1/webhooks", {
        method: "POST",
        cookie,
        body: { name: "坏地址", kind: "WECOM", url },
      });
      expect([url, res.status]).toEqual([url, 400]);
      expect(Object.keys(res.body.error.fields)).toEqual(["url"]);
      expect(res.body.error.fields.url).toMatch(/Webhook 地址/);
    }
    expect(await getDb().webhook.count({ where: { name: "坏地址" } })).toBe(0);
  });

  it("creates, lists, edits (409 when stale), tests, shows the log and deletes — never revealing the secret", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const cookie = await sessionCookie(admin);
    const unit = await createDepartment({ name: "生态环境分局" });
    const secret = "SEC0123456789abcdef";
    const created = await callRoute(createRoute, "/api/v1/webhooks", {
      method: "POST",
      cookie,
      body: {
        name: " 督查群 ",
        kind: "DINGTALK",
        // Pasted full-width, with spaces around it.
        url: "  ｈｔｔｐｓ：／／oapi.dingtalk.com/robot/send?access_token=abcdef123456 ",
        secret,
        departmentId: unit.id,
        events: ["warningRed", "noticeOverdue"],
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.body).toMatchObject({
      name: "督查群",
      kind: "DINGTALK",
      secretSet: true,
      departmentId: unit.id,
      departmentName: "生态环境分局",
      events: ["warningRed", "noticeOverdue"],
      active: true,
      version: 1,
    });
    const stored = await getDb().webhook.findUniqueOrThrow({ where: { id } });
    expect(stored.url).toBe("https://oapi.dingtalk.com/robot/send?access_token=abcdef123456");
    expect(stored.secret).toBe(secret);
    const list = await callRoute(listRoute, "/api/v1/webhooks", { cookie });
    expect(list.body.items.map((w: { id: string }) => w.id)).toContain(id);
    for (const text of [JSON.stringify(created.body), JSON.stringify(list.body)]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain("abcdef123456");
    }

    const stale = await callRoute(patchRoute, `/api/v1/webhooks/${id}`, {
      method: "PATCH",
      cookie,
      id,
      body: { name: "旧版本", version: 7 },
    });
    expect(stale.status).toBe(409);
    const edited = await callRoute(patchRoute, `/api/v1/webhooks/${id}`, {
      method: "PATCH",
      cookie,
      id,
      body: { name: "督查群（停用）", active: false, secret: "", url: "", version: 1 },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ name: "督查群（停用）", active: false, secretSet: true, version: 2 });
    expect((await getDb().webhook.findUniqueOrThrow({ where: { id } })).secret).toBe(secret);
    const badUrl = await callRoute(patchRoute, `/api/v1/webhooks/${id}`, {
      method: "PATCH",
      cookie,
      id,
      body: { url: "ftp://x", version: 2 },
    });
    expect(badUrl.status).toBe(400);
    expect(Object.keys(badUrl.body.error.fields)).toEqual(["url"]);

    const queued = await callRoute(testRoute, `/api/v1/webhooks/${id}/test`, { method: "POST", cookie, id });
    expect(queued.status).toBe(202);
    const log = await callRoute(deliveriesRoute, `/api/v1/webhooks/${id}/deliveries`, { cookie, id });
    expect(log.status).toBe(200);
    expect(log.body.total).toBe(1);
    expect(log.body.items[0]).toMatchObject({ kind: "webhookTest", status: "PENDING", attempts: 0 });
    expect(log.body.items[0].body.markdown.text).toContain("督查群（停用）");

    // The audit log has the changes, never the secret or the robot's token.
    const audit = await getDb().auditLog.findMany({ where: { entityType: "Webhook", entityId: id } });
    expect(audit.map((a) => a.action).sort()).toEqual(["create", "update"]);
    const snapshots = JSON.stringify(audit.map((a) => [a.before, a.after]));
    expect(snapshots).toContain("secretSet");
    expect(snapshots).not.toContain(secret);
    expect(snapshots).not.toContain("abcdef123456");
    // In words, never codes: the kinds by their names.
    const update = audit.find((a) => a.action === "update")!;
    const words = describeAuditEntry(
      { ...update, id: String(update.id), createdAt: update.createdAt.toISOString() },
      { locale: "zh-CN", names: new Map() },
    );
    expect(words.entity.label).toBe("群机器人");
    expect(words.changes).toEqual(
      expect.arrayContaining([
        { field: "名称", before: "督查群", after: "督查群（停用）" },
        { field: "启用", before: "是", after: "否" },
      ]),
    );
    const creation = describeAuditEntry(
      { ...audit.find((a) => a.action === "create")!, id: "c", createdAt: update.createdAt.toISOString() },
      { locale: "zh-CN", names: new Map() },
    );
    expect(JSON.stringify(creation.changes)).toContain("红灯预警（严重滞后）");
    expect(JSON.stringify(creation.changes)).not.toMatch(/warningRed|DINGTALK/);

    const deleted = await callRoute(deleteRoute, `/api/v1/webhooks/${id}?version=2`, { method: "DELETE", cookie, id });
    expect(deleted.status).toBe(200);
    expect(await getDb().webhook.count({ where: { id } })).toBe(0);
    expect(await getDb().webhookDelivery.count({ where: { webhookId: id } })).toBe(0);
    expect((await callRoute(deleteRoute, `/api/v1/webhooks/${id}`, { method: "DELETE", cookie, id })).status).toBe(404);
    expect(
      (await getDb().auditLog.findMany({ where: { entityType: "Webhook", entityId: id, action: "delete" } })).length,
    ).toBe(1);
  });
});
