// 督办通知 through the API and the use-cases on PostgreSQL: issuing (numbers, working-day
// deadlines, refusals), the reply with evidence, accept/reject/close, the one extension,
// optimistic locking, who may see and answer, gapless numbers under concurrency, and the
// reminder job's idempotency.
import { GET as listRoute, POST as issueRoute } from "../../app/api/v1/notices/route";
import { GET as getRoute } from "../../app/api/v1/notices/[id]/route";
import { POST as replyRoute } from "../../app/api/v1/notices/[id]/reply/route";
import { POST as acceptRoute } from "../../app/api/v1/notices/[id]/accept/route";
import { POST as rejectRoute } from "../../app/api/v1/notices/[id]/reject/route";
import { POST as closeRoute } from "../../app/api/v1/notices/[id]/close/route";
import { POST as extendRoute } from "../../app/api/v1/notices/[id]/extend/route";
import { POST as extensionRoute } from "../../app/api/v1/notices/[id]/extension/route";
import { storeAttachment } from "../../lib/attachments/attachments";
import { listAuditLog } from "../../lib/audit/queries";
import { addWorkingDays } from "../../lib/calendar/working-days";
import { shanghaiToday, storedDate } from "../../lib/dates";
import { getDb } from "../../lib/db";
import { loadCalendar } from "../../lib/calendar/load-calendar";
import { issueNotice } from "../../lib/supervision/issue-notice";
import { sendNoticeReminders } from "../../lib/supervision/notice-reminders";
import { noticeOverdue } from "../../lib/supervision/notice-overdue";
import { overdueNoticesWhere } from "../../lib/supervision/notice-queries";
import { actorOf, callRoute as call, createProject, createUser, sessionCookie } from "../factories";

type U = Awaited<ReturnType<typeof createUser>>;

describe("supervision notices", () => {
  let manager: U, leader: U, owner: U, otherStaff: U, approver: U;
  const cookie = {} as Record<"manager" | "leader" | "owner" | "otherStaff" | "approver", string>;
  let projectId: string;

  beforeAll(async () => {
    manager = await createUser({ role: "MANAGER" });
    leader = await createUser({ role: "LEADER" });
    owner = await createUser({ role: "STAFF" });
    otherStaff = await createUser({ role: "STAFF" });
    approver = await createUser({ role: "APPROVER" });
    for (const [k, u] of Object.entries({ manager, leader, owner, otherStaff, approver }))
      cookie[k as keyof typeof cookie] = await sessionCookie(u);
    projectId = (await createProject({ ownerId: owner.id, leaderId: leader.id, stage: "CONSTRUCTION" })).id;
  });

  const issue = (body: Record<string, unknown> = {}, who = cookie.manager) =>
    call(issueRoute, "/api/v1/notices", {
      method: "POST",
      cookie: who,
      body: { projectId, subject: "加快推进主体施工", content: "落后序时进度 34 个百分点", ...body },
    });
  const act = (route: typeof replyRoute, action: string, id: string, body: unknown, who = cookie.manager) =>
    call(route, `/api/v1/notices/${id}/${action}`, { method: "POST", cookie: who, id, body });
  const evidence = async (by: U = owner, pid = projectId) =>
    (
      await storeAttachment({
        actor: actorOf(by),
        projectId: pid,
        file: { name: "现场照片.pdf", type: "application/pdf", bytes: new TextEncoder().encode("%PDF-1.4 evidence") },
        category: "DOCUMENT",
        permitCaseId: null,
      })
    ).id;

  it("issues with a number and deadlines in working days; the recipients are told", async () => {
    const res = await issue({ replyDays: 3, resolveDays: 15 });
    expect(res.status).toBe(201);
    const cal = await loadCalendar(getDb());
    const today = shanghaiToday();
    const year = Number(today.slice(0, 4));
    expect(res.body).toMatchObject({
      state: "ISSUED",
      replyDue: addWorkingDays(cal, today, 3),
      resolveDue: addWorkingDays(cal, today, 15),
      leaderId: leader.id,
      ownerId: owner.id,
      version: 1,
    });
    expect(res.body.number).toMatch(new RegExp(`^督办〔${year}〕\\d+号$`));
    const told = await getDb().notification.findMany({ where: { entityId: res.body.id, kind: "noticeIssued" } });
    expect(told.map((n) => n.userId).sort()).toEqual([leader.id, owner.id].sort());
    const events = await getDb().noticeEvent.findMany({ where: { noticeId: res.body.id } });
    expect(events.map((e) => e.action)).toEqual(["ISSUED"]);
    expect(await getDb().auditLog.count({ where: { entityId: res.body.id, action: "issue" } })).toBe(1);
  });

  it("takes 督办规则's days when none are given", async () => {
    const res = await issue();
    expect([res.status, res.body.replyDays, res.body.resolveDays]).toEqual([201, 3, 15]);
  });

  it("refuses days out of range or out of order, naming the field (400)", async () => {
    const tooLong = await issue({ replyDays: 3, resolveDays: 31 });
    expect([tooLong.status, Object.keys(tooLong.body.error.fields)]).toEqual([400, ["resolveDays"]]);
    const zero = await issue({ replyDays: 0 });
    expect([zero.status, Object.keys(zero.body.error.fields)]).toEqual([400, ["replyDays"]]);
    const order = await issue({ replyDays: 10, resolveDays: 5 });
    expect([order.status, Object.keys(order.body.error.fields)]).toEqual([400, ["resolveDays"]]);
    const noSubject = await issue({ subject: " " });
    expect([noSubject.status, noSubject.body.error.fields.subject]).toEqual([400, "请填写督办事项"]);
  });

  it("refuses a project without a leader (422 RULE_NOTICE_NO_LEADER)", async () => {
    const p = await createProject({ ownerId: owner.id, leaderId: null });
    const res = await issue({ projectId: p.id });
    expect([res.status, res.body.error.code]).toEqual([422, "RULE_NOTICE_NO_LEADER"]);
  });

  it("lets only managers issue (403), and an approver reads none", async () => {
    expect((await issue({}, cookie.leader)).status).toBe(403);
    expect((await call(listRoute, "/api/v1/notices", { cookie: cookie.approver })).status).toBe(403);
  });

  it("runs the whole way: reply with evidence, reject, reply again, accept, close", async () => {
    const { body: n } = await issue();
    // Without evidence, and with evidence of another project: 400.
    const none = await act(
      replyRoute,
      "reply",
      n.id,
      { reply: "已组织施工", attachmentIds: [], version: 1 },
      cookie.owner,
    );
    expect([none.status, Object.keys(none.body.error.fields)]).toEqual([400, ["attachmentIds"]]);
    const other = await createProject({ ownerId: owner.id, leaderId: leader.id });
    const foreign = await act(
      replyRoute,
      "reply",
      n.id,
      { reply: "已组织施工", attachmentIds: [await evidence(owner, other.id)], version: 1 },
      cookie.owner,
    );
    expect([foreign.status, Object.keys(foreign.body.error.fields)]).toEqual([400, ["attachmentIds"]]);
    // Closing before a reply: 422.
    const early = await act(closeRoute, "close", n.id, { version: 1 });
    expect([early.status, early.body.error.code]).toEqual([422, "RULE_NOTICE_NOT_REPLIED"]);
    // Another staff member cannot see it: 404; the leader may answer.
    const stranger = await act(
      replyRoute,
      "reply",
      n.id,
      { reply: "x", attachmentIds: [await evidence()], version: 1 },
      cookie.otherStaff,
    );
    expect(stranger.status).toBe(404);
    const att = await evidence(leader);
    const replied = await act(
      replyRoute,
      "reply",
      n.id,
      { reply: "已增加施工班组", attachmentIds: [att], version: 1 },
      cookie.leader,
    );
    expect([replied.status, replied.body.state, replied.body.attachments.length]).toEqual([200, "REPLIED", 1]);
    expect((await getDb().attachment.findUniqueOrThrow({ where: { id: att } })).noticeId).toBe(n.id);
    expect(
      await getDb().notification.count({ where: { entityId: n.id, kind: "noticeReplied", userId: manager.id } }),
    ).toBe(1);
    // A stale version: 409, nothing changed.
    const stale = await act(rejectRoute, "reject", n.id, { reason: "措施不具体", version: 1 });
    expect(stale.status).toBe(409);
    const rejected = await act(rejectRoute, "reject", n.id, { reason: "措施不具体", version: 2 });
    expect([rejected.status, rejected.body.state, rejected.body.rejectReason]).toEqual([200, "ISSUED", "措施不具体"]);
    expect(await getDb().notification.count({ where: { entityId: n.id, kind: "noticeRejected" } })).toBe(2);
    const again = await act(
      replyRoute,
      "reply",
      n.id,
      { reply: "已增加两个施工班组并倒排工期", attachmentIds: [await evidence()], version: 3 },
      cookie.owner,
    );
    expect(again.body.state).toBe("REPLIED");
    const accepted = await act(acceptRoute, "accept", n.id, { version: 4 });
    expect([accepted.body.state, accepted.body.replyAcceptedBy]).toEqual(["REPLIED", manager.displayName]);
    const twice = await act(acceptRoute, "accept", n.id, { version: 5 });
    expect([twice.status, twice.body.error.code]).toEqual([422, "RULE_NOTICE_ALREADY_ACCEPTED"]);
    const closed = await act(closeRoute, "close", n.id, { version: 5 });
    expect([closed.status, closed.body.state, closed.body.closedBy]).toEqual([200, "CLOSED", manager.displayName]);
    const events = await getDb().noticeEvent.findMany({ where: { noticeId: n.id }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["ISSUED", "REPLIED", "REJECTED", "REPLIED", "ACCEPTED", "CLOSED"]);
    const audit = await getDb().auditLog.findMany({ where: { entityId: n.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["issue", "reply", "reject", "reply", "accept", "close"]);
  });

  it("reads the notice's audit rows in words", async () => {
    const { body: n } = await issue({ replyDays: 3, resolveDays: 15 });
    await act(
      replyRoute,
      "reply",
      n.id,
      { reply: "已整改", attachmentIds: [await evidence()], version: 1 },
      cookie.owner,
    );
    await act(rejectRoute, "reject", n.id, { reason: "措施不具体", version: 2 });
    const admin = actorOf(await createUser({ role: "ADMIN" }));
    const { items } = await listAuditLog({ actor: admin, query: { entityType: "SupervisionNotice", entityId: n.id } });
    expect(items.map((i) => i.summary)).toEqual(["退回答复", "答复督办通知", "签发督办通知"]);
    expect(items[0].entity).toMatchObject({ label: "督办通知", name: n.number, href: `/supervision/notices/${n.id}` });
    expect(items[0].changes).toEqual(
      expect.arrayContaining([
        { field: "状态", before: "已答复", after: "待答复" },
        { field: "退回理由", before: "—", after: "措施不具体" },
      ]),
    );
    expect(items[1].changes).toEqual(
      expect.arrayContaining([{ field: "佐证材料", before: "—", after: "现场照片.pdf" }]),
    );
  });

  it("refuses to close a reply without evidence (422)", async () => {
    const { body: n } = await issue();
    await act(
      replyRoute,
      "reply",
      n.id,
      { reply: "已整改", attachmentIds: [await evidence()], version: 1 },
      cookie.owner,
    );
    // The evidence is gone (e.g. removed by an administrator): closing is refused.
    await getDb().attachment.updateMany({ where: { noticeId: n.id }, data: { noticeId: null } });
    const res = await act(closeRoute, "close", n.id, { version: 2 });
    expect([res.status, res.body.error.code]).toEqual([422, "RULE_NOTICE_NO_EVIDENCE"]);
  });

  it("takes one extension request, in time; granting moves the deadlines by working days", async () => {
    const { body: n } = await issue({ replyDays: 3, resolveDays: 15 });
    const cal = await loadCalendar(getDb());
    const stranger = await act(extendRoute, "extend", n.id, { days: 2, reason: "x", version: 1 }, cookie.otherStaff);
    expect(stranger.status).toBe(404);
    const asked = await act(
      extendRoute,
      "extend",
      n.id,
      { days: 2, reason: "需等待设备到货", version: 1 },
      cookie.leader,
    );
    expect([asked.status, asked.body.extension]).toEqual([200, "REQUESTED"]);
    const second = await act(extendRoute, "extend", n.id, { days: 1, reason: "再延", version: 2 }, cookie.owner);
    expect([second.status, second.body.error.code]).toEqual([422, "RULE_NOTICE_EXTENSION_ONCE"]);
    const byStaff = await act(extensionRoute, "extension", n.id, { grant: true, version: 2 }, cookie.owner);
    expect(byStaff.status).toBe(403);
    const granted = await act(extensionRoute, "extension", n.id, { grant: true, version: 2 });
    expect([granted.status, granted.body.extension, granted.body.replyDue, granted.body.resolveDue]).toEqual([
      200,
      "GRANTED",
      addWorkingDays(cal, n.replyDue, 2),
      addWorkingDays(cal, n.resolveDue, 2),
    ]);
    const third = await act(extendRoute, "extend", n.id, { days: 1, reason: "再延", version: 3 }, cookie.owner);
    expect(third.body.error.code).toBe("RULE_NOTICE_EXTENSION_ONCE");
  });

  it("refuses an extension asked for later than 1 working day before the deadline (422)", async () => {
    const { body: n } = await issue();
    await getDb().supervisionNotice.update({ where: { id: n.id }, data: { replyDue: storedDate(shanghaiToday()) } });
    const res = await act(extendRoute, "extend", n.id, { days: 2, reason: "来不及", version: 1 }, cookie.owner);
    expect([res.status, res.body.error.code]).toEqual([422, "RULE_NOTICE_EXTENSION_TOO_LATE"]);
    const refused = await act(extensionRoute, "extension", n.id, { grant: false, version: 1 });
    expect([refused.status, Object.keys(refused.body.error.fields ?? {})]).toEqual([400, ["reason"]]);
  });

  it("shows recipients theirs and managers all; others get 404 on the notice", async () => {
    const { body: n } = await issue();
    for (const [who, status] of [
      [cookie.manager, 200],
      [cookie.leader, 200],
      [cookie.owner, 200],
      [cookie.otherStaff, 404],
    ] as const) {
      const res = await call(getRoute, `/api/v1/notices/${n.id}`, { cookie: who, id: n.id });
      expect(res.status).toBe(status);
    }
    const theirs = await call(listRoute, `/api/v1/notices?projectId=${projectId}&pageSize=200`, {
      cookie: cookie.otherStaff,
    });
    expect(theirs.body.total).toBe(0);
    const mine = await call(listRoute, `/api/v1/notices?projectId=${projectId}&todo=1&pageSize=200`, {
      cookie: cookie.owner,
    });
    expect(mine.body.items.every((i: { state: string; todo: boolean }) => i.state === "ISSUED" && i.todo)).toBe(true);
    expect(mine.body.items.map((i: { id: string }) => i.id)).toContain(n.id);
  });

  it("filters overdue exactly as noticeOverdue says", async () => {
    const { body: n } = await issue();
    const today = shanghaiToday();
    await getDb().supervisionNotice.update({
      where: { id: n.id },
      data: { replyDue: storedDate("2020-01-02") },
    });
    const res = await call(listRoute, `/api/v1/notices?overdue=1&pageSize=200`, { cookie: cookie.manager });
    expect(res.body.items.map((i: { id: string }) => i.id)).toContain(n.id);
    expect(res.body.items.find((i: { id: string }) => i.id === n.id).overdue).toEqual({
      overdue: true,
      kind: "reply",
      due: "2020-01-02",
    });
    const all = await getDb().supervisionNotice.findMany({
      select: { id: true, state: true, replyDue: true, resolveDue: true },
    });
    const sql = new Set(
      (await getDb().supervisionNotice.findMany({ where: overdueNoticesWhere(today), select: { id: true } })).map(
        (r) => r.id,
      ),
    );
    for (const r of all)
      expect([r.id, sql.has(r.id)]).toEqual([
        r.id,
        noticeOverdue(
          {
            state: r.state,
            replyDue: r.replyDue.toISOString().slice(0, 10),
            resolveDue: r.resolveDue.toISOString().slice(0, 10),
          },
          today,
        ).overdue,
      ]);
  });

  it("numbers 20 concurrent issues of a year 1..20 without gaps or twins", async () => {
    const year = Number(shanghaiToday().slice(0, 4));
    await getDb().supervisionNotice.deleteMany({ where: { year } });
    await getDb().noticeCounter.deleteMany({ where: { year } });
    const actor = actorOf(manager);
    const made = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        issueNotice({ actor, input: { projectId, subject: `并发督办 ${i}`, content: "并发" } }),
      ),
    );
    expect(made.map((n) => n.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(new Set(made.map((n) => n.number)).size).toBe(20);
  });

  it("sends each reminder once, however often the job runs", async () => {
    const { body: n } = await issue({ replyDays: 3, resolveDays: 15 });
    const cal = await loadCalendar(getDb());
    // Issued on a known Monday: reply due Thursday, so half time is Wednesday.
    const issuedOn = "2026-03-02";
    await getDb().supervisionNotice.update({
      where: { id: n.id },
      data: {
        issuedAt: new Date(`${issuedOn}T02:00:00Z`),
        replyDue: storedDate(addWorkingDays(cal, issuedOn, 3)),
        resolveDue: storedDate(addWorkingDays(cal, issuedOn, 15)),
      },
    });
    await getDb()
      .$executeRaw`update notice_events set at = ${new Date(`${issuedOn}T02:00:00Z`)} where "noticeId" = ${n.id}`;
    const count = (kind: string) => getDb().notification.count({ where: { entityId: n.id, kind } });
    const half = addWorkingDays(cal, issuedOn, 2);
    const due = addWorkingDays(cal, issuedOn, 3);
    const after = addWorkingDays(cal, due, 1);
    for (const day of [half, half, due, due, after, after]) await sendNoticeReminders({ today: day });
    expect([await count("noticeReminderHalf"), await count("noticeReminderDue"), await count("noticeOverdue")]).toEqual(
      [2, 2, 3],
    );
    const overdue = await getDb().notification.findMany({ where: { entityId: n.id, kind: "noticeOverdue" } });
    expect(overdue.map((o) => o.userId).sort()).toEqual([leader.id, owner.id, manager.id].sort());
    const row = await getDb().supervisionNotice.findUniqueOrThrow({ where: { id: n.id } });
    expect([!!row.remindedHalfAt, !!row.remindedDueAt, !!row.overdueNotifiedAt]).toEqual([true, true, true]);
    // Two runs at once send nothing more.
    await Promise.all([sendNoticeReminders({ today: after }), sendNoticeReminders({ today: after })]);
    expect(await count("noticeOverdue")).toBe(3);
  });
});
