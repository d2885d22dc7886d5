// The inbox: each user sees and marks only their own notifications; the bell's count.
import { GET as listRoute } from "../../app/api/v1/notifications/route";
import { POST as readRoute } from "../../app/api/v1/notifications/read/route";
import { getDb } from "../../lib/db";
import { notify } from "../../lib/notifications/notify";
import { unreadCount } from "../../lib/notifications/unread-count";
import { actorOf, callRoute, createProject, createUser, sessionCookie } from "../factories";

async function seedInbox() {
  const alice = await createUser({ role: "LEADER" });
  const bob = await createUser({ role: "STAFF" });
  const project = await createProject({ name: "碳化硼材料项目" });
  await getDb().$transaction(async (tx) => {
    await notify(tx, {
      userIds: [alice.id, bob.id],
      kind: "warningRed",
      params: { projectName: project.name },
      href: `/projects/${project.id}`,
      entity: { type: "Project", id: project.id },
    });
    await notify(tx, { userIds: [alice.id], kind: "noSuchKindYet", params: {} });
    await notify(tx, { userIds: [alice.id], kind: "planToSign", params: { projectName: "开影医疗CT项目" } });
  });
  return { alice, bob, project };
}

describe("the notifications API", () => {
  it("lists only the reader's own, newest first, worded in the reader's language", async () => {
    const { alice, bob, project } = await seedInbox();
    const cookie = await sessionCookie(alice);
    const res = await callRoute(listRoute, "/api/v1/notifications", { cookie });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(3);
    expect(res.body.unread).toBe(3);
    const ids = res.body.items.map((n: { id: string }) => n.id);
    const owners = await getDb().notification.findMany({ where: { id: { in: ids } }, select: { userId: true } });
    expect(new Set(owners.map((o) => o.userId))).toEqual(new Set([alice.id]));
    const red = res.body.items.find((n: { kind: string }) => n.kind === "warningRed");
    expect(red).toMatchObject({
      href: `/projects/${project.id}`,
      entityType: "Project",
      entityId: project.id,
      readAt: null,
    });
    expect(red.message).toContain("碳化硼材料项目");
    // Never a raw code or an unfilled placeholder, whatever the kind.
    for (const n of res.body.items) expect(n.message).not.toMatch(/noSuchKindYet|\{|\}|notifications\./);

    const en = await callRoute(listRoute, "/api/v1/notifications", { cookie: `${cookie}; NEXT_LOCALE=en` });
    // In English but for the projects' own names.
    for (const n of en.body.items) {
      const words = n.message.replace("碳化硼材料项目", "").replace("开影医疗CT项目", "");
      expect(words).not.toMatch(/[\u4e00-\u9fff]/);
      expect(words).toMatch(/[A-Za-z]{3}/);
    }

    const bobs = await callRoute(listRoute, "/api/v1/notifications", { cookie: await sessionCookie(bob) });
    expect(bobs.body.total).toBe(1);
  });

  it("filters unread, marks read by ids (another's ids change nothing) and all, and counts the unread", async () => {
    const { alice, bob } = await seedInbox();
    const cookie = await sessionCookie(alice);
    const bobCookie = await sessionCookie(bob);
    const mine = (await callRoute(listRoute, "/api/v1/notifications", { cookie })).body.items;
    const bobsIds = (await callRoute(listRoute, "/api/v1/notifications", { cookie: bobCookie })).body.items.map(
      (n: { id: string }) => n.id,
    );

    const one = await callRoute(readRoute, "/api/v1/notifications/read", {
      method: "POST",
      cookie,
      body: { ids: [mine[0].id] },
    });
    expect(one).toEqual({ status: 200, body: { updated: 1 } });
    expect(await unreadCount({ actor: actorOf(alice) })).toBe(2);
    const unread = await callRoute(listRoute, "/api/v1/notifications?unread=true", { cookie });
    expect(unread.body.total).toBe(2);
    expect(unread.body.items.map((n: { id: string }) => n.id)).not.toContain(mine[0].id);
    const read = await callRoute(listRoute, "/api/v1/notifications?unread=false", { cookie });
    expect(read.body.items.map((n: { id: string }) => n.id)).toEqual([mine[0].id]);
    expect(read.body.items[0].readAt).toEqual(expect.any(String));

    // Someone else's ids: nothing changes, for either of them.
    const foreign = await callRoute(readRoute, "/api/v1/notifications/read", {
      method: "POST",
      cookie,
      body: { ids: bobsIds },
    });
    expect(foreign).toEqual({ status: 200, body: { updated: 0 } });
    expect(await unreadCount({ actor: actorOf(bob) })).toBe(1);

    const all = await callRoute(readRoute, "/api/v1/notifications/read", {
      method: "POST",
      cookie,
      body: { all: true },
    });
    expect(all).toEqual({ status: 200, body: { updated: 2 } });
    expect(await unreadCount({ actor: actorOf(alice) })).toBe(0);
    expect(await unreadCount({ actor: actorOf(bob) })).toBe(1);
  });

  it("counts unread entries up to 100 (the bell shows 99+): a bounded scan however many are left", async () => {
    const user = await createUser();
    await getDb().notification.createMany({
      data: Array.from({ length: 130 }, (_, i) => ({ userId: user.id, kind: "warningRed", dedupeKey: `cap:${i}` })),
    });
    expect(await unreadCount({ actor: actorOf(user) })).toBe(100);
    await getDb().notification.updateMany({
      where: { userId: user.id, dedupeKey: { in: ["cap:0", "cap:1"] } },
      data: { readAt: new Date() },
    });
    expect(await unreadCount({ actor: actorOf(user) })).toBe(100);
    await getDb().notification.updateMany({
      where: {
        userId: user.id,
        readAt: null,
        dedupeKey: { not: { in: Array.from({ length: 7 }, (_, i) => `cap:${i + 2}`) } },
      },
      data: { readAt: new Date() },
    });
    expect(await unreadCount({ actor: actorOf(user) })).toBe(7);
  });

  it("refuses a request that names nothing to mark, at the field", async () => {
    const cookie = await sessionCookie(await createUser());
    const res = await callRoute(readRoute, "/api/v1/notifications/read", { method: "POST", cookie, body: {} });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toEqual(["ids"]);
    const bad = await callRoute(listRoute, "/api/v1/notifications?pageSize=5000", { cookie });
    expect(bad.status).toBe(400);
  });

  it("a repeated event (same dedupeKey) is one entry", async () => {
    const user = await createUser();
    for (let i = 0; i < 2; i++)
      await getDb().$transaction((tx) =>
        notify(tx, { userIds: [user.id], kind: "noticeReminder", params: {}, dedupeKey: "reminder:n1:50" }),
      );
    expect(await unreadCount({ actor: actorOf(user) })).toBe(1);
  });
});
